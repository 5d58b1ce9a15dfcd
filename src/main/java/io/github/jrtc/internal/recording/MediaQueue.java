package io.github.jrtc.internal.recording;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-off from the track sinks to the encoding thread. Offering never blocks a media
 * thread: beyond the bound a frame is dropped (and counted) instead; dropped audio becomes silence
 * later, on the clock, so sync is kept.
 */
final class MediaQueue {
  /** Frames waiting for the encoder (about a quarter second at 30 fps). */
  static final int MAX_VIDEO = 8;

  /** Audio chunks waiting (10 ms each). */
  static final int MAX_AUDIO = 300;

  private final ArrayDeque<MediaItem> items = new ArrayDeque<>();
  private int video;
  private int audio;
  private long droppedVideo;
  private long droppedAudio;

  /** Queues a frame, or returns false (the caller releases it) when the encoder is behind. */
  synchronized boolean offer(MediaItem item) {
    if (item instanceof MediaItem.Video) {
      if (video >= MAX_VIDEO) {
        droppedVideo++;
        return false;
      }
      video++;
    } else if (item instanceof MediaItem.Audio) {
      if (audio >= MAX_AUDIO) {
        droppedAudio++;
        return false;
      }
      audio++;
    }
    items.addLast(item);
    notifyAll();
    return true;
  }

  /** The next item, or null after {@code timeoutMillis}. */
  synchronized MediaItem poll(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (items.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    MediaItem item = items.pollFirst();
    if (item instanceof MediaItem.Video) {
      video--;
    } else if (item instanceof MediaItem.Audio) {
      audio--;
    }
    return item;
  }

  /** Takes everything left (at shutdown, to release retained frames). */
  synchronized MediaItem[] drain() {
    MediaItem[] all = items.toArray(new MediaItem[0]);
    items.clear();
    video = 0;
    audio = 0;
    return all;
  }

  synchronized long droppedVideo() {
    return droppedVideo;
  }

  synchronized long droppedAudio() {
    return droppedAudio;
  }
}
