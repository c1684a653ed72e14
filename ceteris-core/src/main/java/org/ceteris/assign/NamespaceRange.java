package org.ceteris.assign;

import org.ceteris.CeterisException;

/**
 * An experiment's slice [start, end) of a namespace (a layer in Tang et al., KDD 2010): a unit takes
 * part only if its namespace hash (v1, seed "__" + namespace) falls in the slice. Experiments of
 * one namespace with disjoint slices never share a unit.
 */
public record NamespaceRange(String namespace, double start, double end) {

    public NamespaceRange {
        if (namespace == null || namespace.isBlank()) {
            throw new CeterisException("a namespace range needs a namespace name: [name, start, end]");
        }
        if (!(start >= 0 && end <= 1 && start < end)) {
            throw new CeterisException("namespace range [" + namespace + ", " + start + ", " + end
                    + "] must satisfy 0 <= start < end <= 1");
        }
    }

    boolean overlaps(NamespaceRange o) {
        return namespace.equals(o.namespace) && start < o.end && o.start < end;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
