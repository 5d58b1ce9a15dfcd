package io.github.jrtc;

/**
 * The spec's {@code MediaRecorderOptions} dictionary; absent members are null (mimeType "" and
 * audioBitrateMode {@link BitrateMode#VARIABLE} are the spec's defaults).
 *
 * <pre>{@code
 * MediaRecorderOptions.builder().mimeType("video/webm;codecs=vp8,opus").videoBitsPerSecond(1_000_000L).build()
 * }</pre>
 *
 * @param videoKeyFrameIntervalDuration milliseconds between key frames
 * @param videoKeyFrameIntervalCount frames between key frames (not together with the duration)
 */
public record MediaRecorderOptions(
    String mimeType,
    Long audioBitsPerSecond,
    Long videoBitsPerSecond,
    Long bitsPerSecond,
    BitrateMode audioBitrateMode,
    Double videoKeyFrameIntervalDuration,
    Long videoKeyFrameIntervalCount) {

  public MediaRecorderOptions {
    mimeType = mimeType == null ? "" : mimeType;
    audioBitrateMode = audioBitrateMode == null ? BitrateMode.VARIABLE : audioBitrateMode;
    checkUnsigned("audioBitsPerSecond", audioBitsPerSecond);
    checkUnsigned("videoBitsPerSecond", videoBitsPerSecond);
    checkUnsigned("bitsPerSecond", bitsPerSecond);
    checkUnsigned("videoKeyFrameIntervalCount", videoKeyFrameIntervalCount);
    if (videoKeyFrameIntervalDuration != null
        && !(videoKeyFrameIntervalDuration >= 0 && !videoKeyFrameIntervalDuration.isInfinite())) {
      throw new TypeError("videoKeyFrameIntervalDuration must be a finite non-negative number");
    }
  }

  /** All members absent: the recorder picks the type and the bitrates. */
  public static MediaRecorderOptions defaults() {
    return new MediaRecorderOptions("", null, null, null, null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void checkUnsigned(String name, Long value) {
    // WebIDL's unsigned long: 0 .. 2^32-1.
    if (value != null && (value < 0 || value > 0xFFFF_FFFFL)) {
      throw new TypeError(name + " must be an unsigned long, not " + value);
    }
  }

  /** Builds the dictionary member by member. */
  public static final class Builder {
    private String mimeType = "";
    private Long audioBitsPerSecond;
    private Long videoBitsPerSecond;
    private Long bitsPerSecond;
    private BitrateMode audioBitrateMode = BitrateMode.VARIABLE;
    private Double videoKeyFrameIntervalDuration;
    private Long videoKeyFrameIntervalCount;

    private Builder() {}

    public Builder mimeType(String value) {
      this.mimeType = value;
      return this;
    }

    public Builder audioBitsPerSecond(Long value) {
      this.audioBitsPerSecond = value;
      return this;
    }

    public Builder videoBitsPerSecond(Long value) {
      this.videoBitsPerSecond = value;
      return this;
    }

    public Builder bitsPerSecond(Long value) {
      this.bitsPerSecond = value;
      return this;
    }

    public Builder audioBitrateMode(BitrateMode value) {
      this.audioBitrateMode = value;
      return this;
    }

    public Builder videoKeyFrameIntervalDuration(Double millis) {
      this.videoKeyFrameIntervalDuration = millis;
      return this;
    }

    public Builder videoKeyFrameIntervalCount(Long frames) {
      this.videoKeyFrameIntervalCount = frames;
      return this;
    }

    public MediaRecorderOptions build() {
      return new MediaRecorderOptions(
          mimeType,
          audioBitsPerSecond,
          videoBitsPerSecond,
          bitsPerSecond,
          audioBitrateMode,
          videoKeyFrameIntervalDuration,
          videoKeyFrameIntervalCount);
    }
  }
}
