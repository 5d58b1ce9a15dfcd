package io.github.jrtc.javafx;

/**
 * HTML's {@code VideoPlaybackQuality} ({@code video.getVideoPlaybackQuality()}): frames that
 * reached the view since its source was set, and how many of them were replaced by a newer one
 * before the screen showed them.
 *
 * @param creationTime milliseconds since the epoch when it was taken
 * @param droppedVideoFrames frames never shown because a newer one arrived first
 * @param totalVideoFrames frames received (shown plus dropped)
 */
public record VideoPlaybackQuality(
    double creationTime, long droppedVideoFrames, long totalVideoFrames) {}
