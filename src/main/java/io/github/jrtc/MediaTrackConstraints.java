package io.github.jrtc;

import java.util.Arrays;
import java.util.List;

/**
 * The spec's {@code MediaTrackConstraints}: a basic {@link MediaTrackConstraintSet} plus the {@code
 * advanced} list, tried in order. JS {@code {width: {ideal: 1280}, advanced: [{width: 1920}]}} is
 * {@code MediaTrackConstraints.builder().width(ConstrainULong.ideal(1280))
 * .advanced(MediaTrackConstraintSet.builder().width(1920).build()).build()}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public final class MediaTrackConstraints extends MediaTrackConstraintSet {
  private static final MediaTrackConstraints EMPTY = builder().build();

  private final List<MediaTrackConstraintSet> advanced;

  private MediaTrackConstraints(Builder builder) {
    super(builder);
    this.advanced = List.copyOf(builder.advanced);
  }

  /** JS {@code {}}. */
  public MediaTrackConstraints() {
    this(new Builder());
  }

  /**
   * JS {@code {}} (and what {@code true} means in {@code {video: true}}).
   *
   * @return constraints with nothing set
   */
  public static MediaTrackConstraints empty() {
    return EMPTY;
  }

  /**
   * A builder with every member at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The advanced constraint sets, in order; empty when left out.
   *
   * @return an unmodifiable list of constraint sets
   */
  public List<MediaTrackConstraintSet> advanced() {
    return advanced;
  }

  @Override
  public boolean isEmpty() {
    return super.isEmpty() && advanced.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && advanced.equals(((MediaTrackConstraints) o).advanced);
  }

  @Override
  public int hashCode() {
    return super.hashCode() * 31 + advanced.hashCode();
  }

  @Override
  public String toString() {
    return advanced.isEmpty() ? super.toString() : super.toString() + " advanced " + advanced;
  }

  /** Builds {@link MediaTrackConstraints}. */
  public static final class Builder extends MediaTrackConstraintSet.Builder<Builder> {
    private List<MediaTrackConstraintSet> advanced = List.of();

    Builder() {}

    /**
     * Sets {@code advanced}, the member of that name.
     *
     * @param sets the value
     * @return this builder
     */
    public Builder advanced(MediaTrackConstraintSet... sets) {
      return advanced(Arrays.asList(sets));
    }

    /**
     * Sets {@code advanced}, the member of that name.
     *
     * @param sets the value
     * @return this builder
     */
    public Builder advanced(List<MediaTrackConstraintSet> sets) {
      for (MediaTrackConstraintSet s : sets) {
        if (s == null) {
          throw new TypeError("advanced must not contain null");
        }
      }
      this.advanced = List.copyOf(sets);
      return this;
    }

    @Override
    public MediaTrackConstraints build() {
      return new MediaTrackConstraints(this);
    }
  }
}
