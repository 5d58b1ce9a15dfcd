package io.github.jrtc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's {@code MediaTrackConstraintSet}: one value per constrainable property, null when left
 * out. Built with {@link #builder()}: JS {@code {width: {min: 640}, frameRate: 30}} is {@code
 * MediaTrackConstraintSet.builder().width(ConstrainULong.min(640)).frameRate(30).build()}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public class MediaTrackConstraintSet {
  /** Every constrainable property name, in the spec's order. */
  public static final List<String> PROPERTY_NAMES =
      List.of(
          "width",
          "height",
          "aspectRatio",
          "frameRate",
          "facingMode",
          "resizeMode",
          "sampleRate",
          "sampleSize",
          "echoCancellation",
          "autoGainControl",
          "noiseSuppression",
          "latency",
          "channelCount",
          "deviceId",
          "groupId",
          "displaySurface");

  private final Map<String, Object> values;

  /**
   * Takes the constraints a builder collected.
   *
   * @param builder the builder
   */
  protected MediaTrackConstraintSet(Builder<?> builder) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(builder.values));
  }

  /**
   * A builder; {@code build()} gives a plain constraint set (an entry of {@code advanced}).
   *
   * @return a new builder
   */
  public static Builder<?> builder() {
    return new SetBuilder();
  }

  /**
   * The constraints that are present, by property name (a {@code ConstrainULong}, {@code
   * ConstrainDouble}, {@code ConstrainDOMString} or {@code ConstrainBoolean}), in the order set.
   *
   * @return the constraints by name, read-only
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * The constraint given for {@code name} (a {@code Constrain...} object), or null.
   *
   * @param name a constraint name, e.g. "width"
   * @return the constraint, or null
   */
  public Object get(String name) {
    return values.get(name);
  }

  /**
   * Whether no constraint is set.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The {@code width} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainULong width() {
    return (ConstrainULong) values.get("width");
  }

  /**
   * The {@code height} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainULong height() {
    return (ConstrainULong) values.get("height");
  }

  /**
   * The {@code aspectRatio} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDouble aspectRatio() {
    return (ConstrainDouble) values.get("aspectRatio");
  }

  /**
   * The {@code frameRate} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDouble frameRate() {
    return (ConstrainDouble) values.get("frameRate");
  }

  /**
   * The {@code facingMode} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDOMString facingMode() {
    return (ConstrainDOMString) values.get("facingMode");
  }

  /**
   * The {@code resizeMode} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDOMString resizeMode() {
    return (ConstrainDOMString) values.get("resizeMode");
  }

  /**
   * The {@code sampleRate} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainULong sampleRate() {
    return (ConstrainULong) values.get("sampleRate");
  }

  /**
   * The {@code sampleSize} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainULong sampleSize() {
    return (ConstrainULong) values.get("sampleSize");
  }

  /**
   * The {@code echoCancellation} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainBoolean echoCancellation() {
    return (ConstrainBoolean) values.get("echoCancellation");
  }

  /**
   * The {@code autoGainControl} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainBoolean autoGainControl() {
    return (ConstrainBoolean) values.get("autoGainControl");
  }

  /**
   * The {@code noiseSuppression} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainBoolean noiseSuppression() {
    return (ConstrainBoolean) values.get("noiseSuppression");
  }

  /**
   * The {@code latency} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDouble latency() {
    return (ConstrainDouble) values.get("latency");
  }

  /**
   * The {@code channelCount} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainULong channelCount() {
    return (ConstrainULong) values.get("channelCount");
  }

  /**
   * The {@code deviceId} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDOMString deviceId() {
    return (ConstrainDOMString) values.get("deviceId");
  }

  /**
   * The {@code groupId} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDOMString groupId() {
    return (ConstrainDOMString) values.get("groupId");
  }

  /**
   * The {@code displaySurface} constraint, or null when not set.
   *
   * @return the constraint, or null
   */
  public ConstrainDOMString displaySurface() {
    return (ConstrainDOMString) values.get("displaySurface");
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && values.equals(((MediaTrackConstraintSet) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** The setters shared by {@link MediaTrackConstraintSet} and {@link MediaTrackConstraints}. */
  public abstract static class Builder<B extends Builder<B>> {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** For the builders of the subclasses. */
    protected Builder() {}

    /**
     * Builds the immutable constraint set.
     *
     * @return the constraint set
     */
    public abstract MediaTrackConstraintSet build();

    @SuppressWarnings("unchecked")
    private B put(String name, Object constraint) {
      if (constraint == null) {
        values.remove(name);
      } else {
        values.put(name, constraint);
      }
      return (B) this;
    }

    /**
     * Copies every property of {@code set} (not its advanced list).
     *
     * @param set the set to copy from
     * @return this builder
     */
    public B from(MediaTrackConstraintSet set) {
      set.values.forEach(this::put);
      @SuppressWarnings("unchecked")
      B self = (B) this;
      return self;
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B width(long value) {
      return width(ConstrainULong.of(value));
    }

    /**
     * Sets the {@code width} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B width(ConstrainULong constraint) {
      return put("width", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B height(long value) {
      return height(ConstrainULong.of(value));
    }

    /**
     * Sets the {@code height} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B height(ConstrainULong constraint) {
      return put("height", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B aspectRatio(double value) {
      return aspectRatio(ConstrainDouble.of(value));
    }

    /**
     * Sets the {@code aspectRatio} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B aspectRatio(ConstrainDouble constraint) {
      return put("aspectRatio", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B frameRate(double value) {
      return frameRate(ConstrainDouble.of(value));
    }

    /**
     * Sets the {@code frameRate} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B frameRate(ConstrainDouble constraint) {
      return put("frameRate", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param values the value, or several (any of them)
     * @return this builder
     */
    public B facingMode(String... values) {
      return facingMode(ConstrainDOMString.of(values));
    }

    /**
     * Sets the {@code facingMode} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B facingMode(ConstrainDOMString constraint) {
      return put("facingMode", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param values the value, or several (any of them)
     * @return this builder
     */
    public B resizeMode(String... values) {
      return resizeMode(ConstrainDOMString.of(values));
    }

    /**
     * Sets the {@code resizeMode} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B resizeMode(ConstrainDOMString constraint) {
      return put("resizeMode", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B sampleRate(long value) {
      return sampleRate(ConstrainULong.of(value));
    }

    /**
     * Sets the {@code sampleRate} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B sampleRate(ConstrainULong constraint) {
      return put("sampleRate", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B sampleSize(long value) {
      return sampleSize(ConstrainULong.of(value));
    }

    /**
     * Sets the {@code sampleSize} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B sampleSize(ConstrainULong constraint) {
      return put("sampleSize", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B echoCancellation(boolean value) {
      return echoCancellation(ConstrainBoolean.of(value));
    }

    /**
     * Sets the {@code echoCancellation} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B echoCancellation(ConstrainBoolean constraint) {
      return put("echoCancellation", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B autoGainControl(boolean value) {
      return autoGainControl(ConstrainBoolean.of(value));
    }

    /**
     * Sets the {@code autoGainControl} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B autoGainControl(ConstrainBoolean constraint) {
      return put("autoGainControl", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B noiseSuppression(boolean value) {
      return noiseSuppression(ConstrainBoolean.of(value));
    }

    /**
     * Sets the {@code noiseSuppression} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B noiseSuppression(ConstrainBoolean constraint) {
      return put("noiseSuppression", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B latency(double value) {
      return latency(ConstrainDouble.of(value));
    }

    /**
     * Sets the {@code latency} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B latency(ConstrainDouble constraint) {
      return put("latency", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param value the value
     * @return this builder
     */
    public B channelCount(long value) {
      return channelCount(ConstrainULong.of(value));
    }

    /**
     * Sets the {@code channelCount} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B channelCount(ConstrainULong constraint) {
      return put("channelCount", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param values the value, or several (any of them)
     * @return this builder
     */
    public B deviceId(String... values) {
      return deviceId(ConstrainDOMString.of(values));
    }

    /**
     * Sets the {@code deviceId} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B deviceId(ConstrainDOMString constraint) {
      return put("deviceId", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param values the value, or several (any of them)
     * @return this builder
     */
    public B groupId(String... values) {
      return groupId(ConstrainDOMString.of(values));
    }

    /**
     * Sets the {@code groupId} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B groupId(ConstrainDOMString constraint) {
      return put("groupId", constraint);
    }

    /**
     * Bare value: ideal here, exact inside {@code advanced}.
     *
     * @param values the value, or several (any of them)
     * @return this builder
     */
    public B displaySurface(String... values) {
      return displaySurface(ConstrainDOMString.of(values));
    }

    /**
     * Sets the {@code displaySurface} constraint; null removes it.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public B displaySurface(ConstrainDOMString constraint) {
      return put("displaySurface", constraint);
    }
  }

  /** Builds a plain {@link MediaTrackConstraintSet} (an entry of {@code advanced}). */
  static final class SetBuilder extends Builder<SetBuilder> {
    SetBuilder() {}

    @Override
    public MediaTrackConstraintSet build() {
      return new MediaTrackConstraintSet(this);
    }
  }
}
