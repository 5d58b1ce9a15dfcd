package io.github.jrtc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md describes: webrtc-java stays behind io.github.jrtc.internal
 * (users never see a dev.onvoid type), and no two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.jrtc");

  @Test
  void onlyInternalCodeTouchesWebrtcJava() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.jrtc.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.onvoid..")
        .check(CLASSES);
  }

  @Test
  void noPublicSignatureMentionsWebrtcJavaOrInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      if (c.getPackageName().startsWith("io.github.jrtc.internal")
          || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (!m.getModifiers().contains(JavaModifier.PUBLIC)
            && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
          continue;
        }
        m.getParameterTypes().forEach(t -> check(leaks, c, m.getFullName(), t.getName()));
        check(leaks, c, m.getFullName(), m.getRawReturnType().getName());
      }
      for (JavaField f : c.getFields()) {
        if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
          check(leaks, c, f.getFullName(), f.getRawType().getName());
        }
      }
      c.getRawSuperclass().ifPresent(s -> check(leaks, c, "superclass", s.getName()));
      c.getRawInterfaces().forEach(i -> check(leaks, c, "interface", i.getName()));
    }
    assertThat(leaks).isEmpty();
  }

  private static void check(List<String> leaks, JavaClass owner, String where, String type) {
    if (type.startsWith("dev.onvoid") || type.startsWith("io.github.jrtc.internal")) {
      leaks.add(owner.getName() + " " + where + " exposes " + type);
    }
  }

  /**
   * The optional features stand apart, so that using one pulls in none of the others: only the CLI
   * and the desktop app, which put features together, depend on more than one.
   */
  @Test
  void optionalFeaturesDoNotDependOnEachOther() {
    List<String> features =
        List.of("io.github.jrtc.signaling..", "io.github.jrtc.whip..", "io.github.jrtc.javafx..");
    for (String feature : features) {
      noClasses()
          .that()
          .resideInAPackage(feature)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              features.stream().filter(f -> !f.equals(feature)).toArray(String[]::new))
          .check(CLASSES);
    }
  }

  /**
   * Every package, public or internal, is its own slice; none may reach itself again through
   * others. The one kind of dependency not counted: internal code using the public packages' spec
   * values (dictionaries, enums, DOMException and friends, media frames), which the internal layers
   * speak in — they sit below the API objects that use the internal layers.
   */
  @Test
  void packagesAreFreeOfCycles() {
    slices()
        .matching("io.github.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            DescribedPredicate.describe(
                "internal code", c -> c.getPackageName().startsWith("io.github.jrtc.internal")),
            DescribedPredicate.describe(
                "the public API's spec values",
                c ->
                    (c.getPackageName().equals("io.github.jrtc")
                            || c.getPackageName().equals("io.github.jrtc.media"))
                        && !API_OBJECTS.contains(c.getSimpleName())))
        .check(CLASSES);
  }

  /**
   * Public types with behaviour that use the internal layers; internal code never calls them. A
   * track's native side is an internal {@code TrackSource}: internal code speaks that, and public
   * code wraps it in a {@code MediaStreamTrack} (through {@code internal.bridge.TrackAccess} from
   * outside the root package).
   */
  private static final java.util.Set<String> API_OBJECTS =
      java.util.Set.of(
          "RTCPeerConnection",
          "RTCDataChannel",
          "RTCRtpSender",
          "RTCRtpReceiver",
          "RTCRtpTransceiver",
          "RTCDtlsTransport",
          "RTCIceTransport",
          "RTCSctpTransport",
          "RTCDTMFSender",
          "MediaDevices",
          "MediaStream",
          "MediaStreamTrack",
          "Navigator",
          "EventTarget",
          "AudioOutput",
          "TrackSinks",
          "VideoFrameSource",
          "AudioSampleSource");

  @Test
  void theLibraryNeverPrintsOrExits() {
    noClasses()
        .that()
        .resideInAPackage("io.github.jrtc")
        .or()
        .resideInAPackage("io.github.jrtc.internal..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
