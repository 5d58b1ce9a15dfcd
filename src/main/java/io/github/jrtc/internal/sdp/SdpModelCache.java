package io.github.jrtc.internal.sdp;

/**
 * The model of the description last asked about: a description is parsed once when it changes, not
 * once per question (asking again about the same String costs String.equals, which checks identity
 * first). Safe to use from any thread: the last parse wins.
 */
public final class SdpModelCache {
  private record Entry(String sdp, SessionDescriptionModel model) {}

  private volatile Entry last;

  /** The model of {@code sdp}, parsed now unless it is the one asked about last. */
  public SessionDescriptionModel of(String sdp) {
    Entry e = last;
    if (e != null && e.sdp().equals(sdp)) {
      return e.model();
    }
    SessionDescriptionModel model = SessionDescriptionModel.parse(sdp);
    last = new Entry(sdp, model);
    return model;
  }
}
