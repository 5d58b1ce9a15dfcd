package io.github.jrtc.internal.jni;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The native window list's lines: XID, size, and a name that may hold spaces; junk skipped. */
class NativeX11WindowsTest {
  @Test
  void parsesXidSizeAndNameWithSpaces() {
    var windows = NativeX11Windows.parse("4194305 320x240 jrtc colour window\n12 1x1 x\n\n");
    assertThat(windows)
        .containsExactly(
            new NativeX11Windows.Window(4194305L, 320, 240, "jrtc colour window"),
            new NativeX11Windows.Window(12L, 1, 1, "x"));
  }

  @Test
  void skipsMalformedLines() {
    assertThat(NativeX11Windows.parse("abc 1x1 n\n5 wide n\n6 2x n\n7 3x4\n8 5x6 ok"))
        .containsExactly(new NativeX11Windows.Window(8L, 5, 6, "ok"));
    assertThat(NativeX11Windows.parse("")).isEmpty();
  }
}
