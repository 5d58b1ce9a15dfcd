package io.github.jrtc.internal.bridge;

import java.util.function.Function;

/**
 * How public code outside {@code io.github.jrtc} (the sources and sinks of {@code
 * io.github.jrtc.media}) wraps a {@link TrackSource} in the public {@code MediaStreamTrack} and
 * gets a track's source back, without a public constructor or accessor that would put an internal
 * type into the API: the JDK's SharedSecrets pattern, as {@code internal.loop.EventQueueAccess}
 * does for a connection's queue. {@code MediaStreamTrack} registers its package-private constructor
 * and source when its class initialises; code in its own package uses them directly.
 *
 * <p>This class never names the track class: the registration carries it as a type parameter, and
 * callers pass it ({@code TrackAccess.create(MediaStreamTrack.class, source)}), which makes the
 * result a checked cast and lets this class initialise it. So no internal package depends on {@code
 * MediaStreamTrack}, a public type whose behaviour uses the internal layers: internal code speaks
 * {@link TrackSource} only, and the packages stay free of cycles ({@code ArchitectureTest}). A
 * helper in a public package could not do this: {@code io.github.jrtc.media} reaches only {@code
 * io.github.jrtc}'s public members, and a public one there would be API.
 */
public final class TrackAccess {
  private static volatile Registration<?> registered;

  private TrackAccess() {}

  /**
   * Called once, by {@code MediaStreamTrack}'s static initialiser. A second registration is
   * refused: nothing may swap how tracks are made (the package is not exported either, so only
   * jrtc's own classes reach this).
   *
   * @param <T> the track class
   * @param trackType the track class
   * @param creator the track's constructor
   * @param sourceOf the track's source
   */
  public static synchronized <T> void register(
      Class<T> trackType, Function<TrackSource, T> creator, Function<T, TrackSource> sourceOf) {
    if (registered != null) {
      throw new IllegalStateException("MediaStreamTrack's accessors are already registered");
    }
    registered = new Registration<>(trackType, creator, sourceOf);
  }

  /** A new track of {@code trackType} around {@code source}. */
  public static <T> T create(Class<T> trackType, TrackSource source) {
    return registration(trackType).creator().apply(source);
  }

  /** The source {@code track} (of {@code trackType}) was made around. */
  public static <T> TrackSource sourceOf(Class<T> trackType, T track) {
    return registration(trackType).sourceOf().apply(track);
  }

  private static <T> Registration<T> registration(Class<T> trackType) {
    if (registered == null) {
      ensureInitialized(trackType);
    }
    Registration<?> r = registered;
    if (r == null || r.trackType() != trackType) {
      throw new IllegalStateException(trackType.getName() + " registered no track accessors");
    }
    @SuppressWarnings("unchecked") // r.trackType() is Class<T>, so r is a Registration<T>
    Registration<T> typed = (Registration<T>) r;
    return typed;
  }

  /** Runs the track class's static initialiser, which registers (a no-op once it has run). */
  private static void ensureInitialized(Class<?> trackType) {
    try {
      Class.forName(trackType.getName(), true, trackType.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Registration<T>(
      Class<T> trackType, Function<TrackSource, T> creator, Function<T, TrackSource> sourceOf) {}
}
