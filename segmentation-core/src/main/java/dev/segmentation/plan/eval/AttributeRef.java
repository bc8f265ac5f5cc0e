package dev.segmentation.plan.eval;

import dev.segmentation.model.AttributeType;
import dev.segmentation.model.ValueSource;

/**
 * An attribute as compiled leaves read it: its name (the schema's own String, so that an
 * implementation comparing names usually compares identities), declared type and position in the
 * schema, or -1 for an event property (see {@link ValueSource#value(int, String)}).
 */
record AttributeRef(String name, AttributeType type, int position) {}
