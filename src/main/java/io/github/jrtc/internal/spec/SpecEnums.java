package io.github.jrtc.internal.spec;

import io.github.jrtc.TypeError;

/** Parsing for jrtc's spec enums, whose toString() is the spec string. */
public final class SpecEnums {
  private SpecEnums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value != null) {
      for (E e : type.getEnumConstants()) {
        if (e.toString().equals(value)) {
          return e;
        }
      }
    }
    throw new TypeError(
        "'" + value + "' is not a valid value for enumeration " + type.getSimpleName());
  }
}
