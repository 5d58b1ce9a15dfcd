package io.github.jrtc;

/**
 * The spec's {@code MediaStreamConstraints} for {@code getUserMedia}: for each of audio and video,
 * either not requested (JS {@code false}, here null) or requested with track constraints (JS {@code
 * true} is {@link MediaTrackConstraints#empty()}). JS {@code {audio: true, video: true}} is {@code
 * new MediaStreamConstraints(true, true)}; {@code {video: {width: 1280}}} is {@code new
 * MediaStreamConstraints(null, MediaTrackConstraints.builder().width(1280).build())}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getUserMedia">MDN</a>.
 */
public final class MediaStreamConstraints {
  private final MediaTrackConstraints audio;
  private final MediaTrackConstraints video;

  /**
   * JS {@code {audio: a, video: v}} with booleans.
   *
   * @param audio whether to ask for an audio track
   * @param video whether to ask for a video track
   */
  public MediaStreamConstraints(boolean audio, boolean video) {
    this(
        audio ? MediaTrackConstraints.empty() : null, video ? MediaTrackConstraints.empty() : null);
  }

  /**
   * JS {@code {audio: {...}, video: {...}}}; null for a kind that is not requested.
   *
   * @param audio audio constraints, or null for no audio
   * @param video video constraints, or null for no video
   */
  public MediaStreamConstraints(MediaTrackConstraints audio, MediaTrackConstraints video) {
    this.audio = audio;
    this.video = video;
  }

  /** JS {@code {}}: neither kind (getUserMedia rejects it with a TypeError, as in JS). */
  public MediaStreamConstraints() {
    this(null, null);
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

  /** Builds {@link MediaStreamConstraints}; kinds not set stay unrequested. */
  public static final class Builder {
    private MediaTrackConstraints audio;
    private MediaTrackConstraints video;

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
    public MediaStreamConstraints build() {
      return new MediaStreamConstraints(audio, video);
    }
  }
}
