package io.github.jrtc;

/** Run by MissingSystemLibraryIT where libpulse.so.0 is hidden: what does a newcomer get? */
final class MissingLibraryProbe {
  private MissingLibraryProbe() {}

  public static void main(String[] args) {
    ChildJvm.runThenHalt(
        () -> {
          for (int i = 0; i < 2; i++) {
            try (RTCPeerConnection pc = new RTCPeerConnection()) {
              System.out.println("CALL " + i + " CONNECTION " + pc.signalingState());
            } catch (DOMException e) {
              System.out.println("CALL " + i + " DOMException " + e.name() + ": " + e.getMessage());
            } catch (Throwable t) { // NOPMD: what else a caller would see is the finding
              System.out.println("CALL " + i + " " + t);
            }
          }
        });
  }
}
