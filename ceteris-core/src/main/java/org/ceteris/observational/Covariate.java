package org.ceteris.observational;

import java.util.List;
import java.util.Objects;

/**
 * One covariate of an observational study as compact columns: numbers, or a categorical column as
 * integer codes into its list of levels (one-hot encoded by {@link DesignMatrix}, first level dropped).
 */
public sealed interface Covariate permits Covariate.Numeric, Covariate.Categorical {

    String name();

    int size();

    /** A numeric covariate. */
    record Numeric(String name, double[] values) implements Covariate {
        public Numeric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** A categorical covariate: {@code codes[i]} indexes {@code levels}. */
    record Categorical(String name, List<String> levels, int[] codes) implements Covariate {
        public Categorical {
            Objects.requireNonNull(name, "name");
            levels = List.copyOf(levels);
            Objects.requireNonNull(codes, "codes");
        }

        @Override
        public int size() {
            return codes.length;
        }
    }
}
