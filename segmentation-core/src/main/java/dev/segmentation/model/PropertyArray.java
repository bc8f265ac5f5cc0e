package dev.segmentation.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An event's property values in its type's declaration order, seen as an unmodifiable map of the
 * properties that have a value (in that order): one array per event instead of a hash map. As a
 * {@link Map} it equals, and hashes as, any map of the same entries.
 */
final class PropertyArray extends AbstractMap<String, Object> {
  private final EventType type;
  private final List<String> names;
  private final Object[] values;

  /** {@code values} in the order of {@code type}'s properties, canonical; not copied. */
  PropertyArray(EventType type, Object[] values) {
    this.type = type;
    this.names = type.propertyNames();
    this.values = values;
  }

  /** The type whose properties these are, in whose order the values are. */
  EventType type() {
    return type;
  }

  /** The value at {@code position} of the type's properties when that property is {@code name}. */
  Object valueAt(int position, String name) {
    if (position >= 0 && position < values.length) {
      String n = names.get(position);
      if (n == name || n.equals(name)) {
        return values[position];
      }
    }
    return get(name);
  }

  private int indexOf(Object name) {
    for (int i = 0; i < values.length; i++) {
      String n = names.get(i);
      if (n == name || n.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public int size() {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        action.accept(names.get(i), values[i]);
      }
    }
  }

  // Unmodifiable even when empty (AbstractMap's would then quietly do nothing), as ImmutableMap.

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("an event's properties are unmodifiable");
  }

  @Override
  public Object put(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public Object remove(Object key) {
    throw unmodifiable();
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    throw unmodifiable();
  }

  @Override
  public Object putIfAbsent(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean replace(String key, Object oldValue, Object newValue) {
    throw unmodifiable();
  }

  @Override
  public Object replace(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public Object computeIfAbsent(String key, Function<? super String, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object compute(String key, BiFunction<? super String, ? super Object, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < values.length && values[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next;
            next = advance(i + 1);
            return new AbstractMap.SimpleImmutableEntry<>(names.get(i), values[i]);
          }
        };
      }

      @Override
      public int size() {
        return PropertyArray.this.size();
      }

      @Override
      public void clear() {
        throw unmodifiable();
      }

      @Override
      public boolean removeAll(java.util.Collection<?> c) {
        throw unmodifiable();
      }

      @Override
      public boolean retainAll(java.util.Collection<?> c) {
        throw unmodifiable();
      }

      @Override
      public boolean removeIf(java.util.function.Predicate<? super Map.Entry<String, Object>> p) {
        throw unmodifiable();
      }
    };
  }
}
