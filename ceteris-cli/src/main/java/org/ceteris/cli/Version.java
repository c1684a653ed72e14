package org.ceteris.cli;

import picocli.CommandLine;

/** The version printed by {@code ceteris --version} and stored with every run. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ceteris " + current()};
    }
}
