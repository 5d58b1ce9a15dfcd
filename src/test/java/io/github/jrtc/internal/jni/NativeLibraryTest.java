package io.github.jrtc.internal.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  @Test
  void loadsWhereMavenBuildsIt() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    assumeTrue(os.startsWith("linux") && arch.equals("amd64"), "built on Linux x86-64 only");
    // The native-linux-x86_64 profile put it on the class path; without it jrtc would silently
    // fall back to webrtc-java's leaking observer.
    assertThat(
            NativeLibraryTest.class.getResource(
                "/io/github/jrtc/native/linux-x86_64/libjrtc-native.so"))
        .isNotNull();
    assertThat(NativeLibrary.loaded()).isTrue();
  }
}
