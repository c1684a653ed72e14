package org.ceteris.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ceteris.studies.Params;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's flags as the parameters of its study, the names ceteris.yaml uses: {@code --fit-window}
 * becomes {@code fit_window}. Flags of the mixins named in {@code except} (where the data is, how to
 * print) and help/version are left out; a repeatable flag given no value is absent, as in YAML. So a
 * new flag reaches the study without a list to keep in step.
 */
final class FlagParams {

    private static final Pattern DASH = Pattern.compile("-");

    private FlagParams() {
    }

    static Params of(CommandSpec command, Set<String> except, String context) {
        Set<OptionSpec> skipped = new java.util.HashSet<>();
        except.forEach(m -> skipped.addAll(command.mixins().get(m).options()));
        Map<String, Object> p = new LinkedHashMap<>();
        for (OptionSpec o : command.options()) {
            if (skipped.contains(o) || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            String key = DASH.matcher(o.longestName().substring(2)).replaceAll("_");
            p.put(key, v instanceof Collection<?> c && c.isEmpty() ? null : v);
        }
        return new Params(context, p);
    }
}
