package io.github.jrtc.bench;

/** Flow-control marks shared by both sides, as the issue fixes them. */
final class Marks {
  static final long HIGH = 1024 * 1024;
  static final long LOW = 256 * 1024;

  private Marks() {}
}
