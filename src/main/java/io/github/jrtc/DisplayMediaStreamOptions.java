package io.github.jrtc;

/**
 * The spec's {@code DisplayMediaStreamOptions} for {@code getDisplayMedia}: video (default
 * requested) and audio (default not requested), each null when not requested or track constraints
 * (only {@code max} and {@code ideal} are allowed, as the spec says). {@code new
 * DisplayMediaStreamOptions()} is JS's default {@code {video: true}}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getDisplayMedia">MDN</a>.
 */
public final class DisplayMediaStreamOptions {
  private final MediaTrackConstraints audio;
  private final MediaTrackConstraints video;

  /**
   * JS {@code {audio: a, video: v}} with booleans.
   *
   * @param audio whether to capture audio
   * @param video whether to capture video
   */
  public DisplayMediaStreamOptions(boolean audio, boolean video) {
    this(
        audio ? MediaTrackConstraints.empty() : null, video ? MediaTrackConstraints.empty() : null);
  }

  /**
   * JS {@code {audio: {...}, video: {...}}}; null for a kind that is not requested.
   *
   * @param audio audio constraints, or null for no audio
   * @param video video constraints, or null for no video
   */
  public DisplayMediaStreamOptions(MediaTrackConstraints audio, MediaTrackConstraints video) {
    this.audio = audio;
    this.video = video;
  }

  /** JS's default {@code {video: true, audio: false}}. */
  public DisplayMediaStreamOptions() {
    this(null, MediaTrackConstraints.empty());
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
   * The audio constraints, or null when audio is not requested.
   *
   * @return the audio constraints, or null
   */
  public MediaTrackConstraints audio() {
    return audio;
  }

  /**
   * The video constraints, or null when video is not requested.
   *
   * @return the video constraints, or null
   */
  public MediaTrackConstraints video() {
    return video;
  }

  @Override
  public String toString() {
    return "{audio: "
        + (audio == null ? "false" : audio.isEmpty() ? "true" : audio)
        + ", video: "
        + (video == null ? "false" : video.isEmpty() ? "true" : video)
        + "}";
  }

  /** Builds {@link DisplayMediaStreamOptions}; video is requested unless set otherwise. */
  public static final class Builder {
    private MediaTrackConstraints audio;
    private MediaTrackConstraints video = MediaTrackConstraints.empty();

    Builder() {}

    /**
     * Sets {@code audio}, the member of that name.
     *
     * @param requested the value
     * @return this builder
     */
    public Builder audio(boolean requested) {
      this.audio = requested ? MediaTrackConstraints.empty() : null;
      return this;
    }

    /**
     * Sets {@code audio}, the member of that name.
     *
     * @param constraints the value
     * @return this builder
     */
    public Builder audio(MediaTrackConstraints constraints) {
      this.audio = constraints;
      return this;
    }

    /**
     * Sets {@code video}, the member of that name.
     *
     * @param requested the value
     * @return this builder
     */
    public Builder video(boolean requested) {
      this.video = requested ? MediaTrackConstraints.empty() : null;
      return this;
    }

    /**
     * Sets {@code video}, the member of that name.
     *
     * @param constraints the value
     * @return this builder
     */
    public Builder video(MediaTrackConstraints constraints) {
      this.video = constraints;
      return this;
    }

    /**
     * Builds the immutable value.
     *
     * @return the value
     */
    public DisplayMediaStreamOptions build() {
      return new DisplayMediaStreamOptions(audio, video);
    }
  }
}
