package io.github.jrtc.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.ConstrainBoolean;
import io.github.jrtc.ConstrainDOMString;
import io.github.jrtc.ConstrainDouble;
import io.github.jrtc.ConstrainULong;
import io.github.jrtc.MediaTrackConstraintSet;
import io.github.jrtc.MediaTrackConstraints;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spec's fitness distance and SelectSettings, value by value. */
class SelectSettingsTest {
  private static final Set<String> ALL = Set.copyOf(MediaTrackConstraintSet.PROPERTY_NAMES);

  private static Map<String, Object> mode(int w, int h, double fps) {
    return Map.of("width", w, "height", h, "frameRate", fps, "aspectRatio", (double) w / h);
  }

  private static double distance(Map<String, Object> settings, MediaTrackConstraintSet set) {
    return SelectSettings.distance(settings, set.asMap(), false);
  }

  @Test
  void numericIdealDistanceIsTheRelativeDifference() {
    var set = MediaTrackConstraintSet.builder().width(ConstrainULong.ideal(1280)).build();
    assertThat(distance(mode(640, 480, 30), set)).isEqualTo(640.0 / 1280.0);
    assertThat(distance(mode(1280, 720, 30), set)).isZero();
    assertThat(distance(mode(1920, 1080, 30), set)).isEqualTo(640.0 / 1920.0);
  }

  @Test
  void bareValueIsIdealInTheBasicSet() {
    var set = MediaTrackConstraintSet.builder().width(1280).build();
    assertThat(distance(mode(640, 480, 30), set)).isEqualTo(0.5);
  }

  @Test
  void requiredNumbersOutsideMinMaxExactAreInfinitelyFar() {
    assertThat(
            distance(
                mode(640, 480, 30),
                MediaTrackConstraintSet.builder().width(ConstrainULong.min(641)).build()))
        .isInfinite();
    assertThat(
            distance(
                mode(640, 480, 30),
                MediaTrackConstraintSet.builder().height(ConstrainULong.max(479)).build()))
        .isInfinite();
    assertThat(
            distance(
                mode(640, 480, 30),
                MediaTrackConstraintSet.builder().frameRate(ConstrainDouble.exact(25)).build()))
        .isInfinite();
    assertThat(
            distance(
                mode(640, 480, 30),
                MediaTrackConstraintSet.builder().width(ConstrainULong.range(640, 640)).build()))
        .isZero();
  }

  @Test
  void aspectRatioExactToleratesBinaryRounding() {
    var set =
        MediaTrackConstraintSet.builder()
            .aspectRatio(ConstrainDouble.exact(1280.0 / 720.0))
            .build();
    assertThat(distance(mode(1920, 1080, 30), set)).isZero();
  }

  @Test
  void stringsAndBooleans() {
    Map<String, Object> s = Map.of("deviceId", "a", "echoCancellation", true);
    assertThat(distance(s, MediaTrackConstraintSet.builder().deviceId("a", "b").build())).isZero();
    assertThat(distance(s, MediaTrackConstraintSet.builder().deviceId("b").build())).isEqualTo(1);
    assertThat(
            distance(
                s,
                MediaTrackConstraintSet.builder().deviceId(ConstrainDOMString.exact("b")).build()))
        .isInfinite();
    assertThat(distance(s, MediaTrackConstraintSet.builder().echoCancellation(false).build()))
        .isEqualTo(1);
    assertThat(
            distance(
                s,
                MediaTrackConstraintSet.builder()
                    .echoCancellation(ConstrainBoolean.exact(false))
                    .build()))
        .isInfinite();
  }

  @Test
  void aPropertyTheSourceLacksOnlyFailsWhenRequired() {
    Map<String, Object> camera = mode(640, 480, 30); // no facingMode
    assertThat(distance(camera, MediaTrackConstraintSet.builder().facingMode("user").build()))
        .isZero();
    assertThat(
            distance(
                camera,
                MediaTrackConstraintSet.builder()
                    .facingMode(ConstrainDOMString.exact("user"))
                    .build()))
        .isInfinite();
  }

  @Test
  void selectPicksTheClosestToTheIdealsAndTheFirstOnTies() {
    var candidates =
        List.of(
            new SelectSettings.Candidate<>("vga", mode(640, 480, 30)),
            new SelectSettings.Candidate<>("hd", mode(1280, 720, 30)),
            new SelectSettings.Candidate<>("hd-again", mode(1280, 720, 30)),
            new SelectSettings.Candidate<>("fhd", mode(1920, 1080, 30)));
    var c = MediaTrackConstraints.builder().width(1300).height(700).build();
    assertThat(SelectSettings.select(candidates, c, ALL).chosen()).isEqualTo("hd");
    assertThat(SelectSettings.select(candidates, new MediaTrackConstraints(), ALL).chosen())
        .isEqualTo("vga");
  }

  @Test
  void failingRequiredConstraintIsNamed() {
    var candidates = List.of(new SelectSettings.Candidate<>("vga", mode(640, 480, 30)));
    var outcome =
        SelectSettings.select(
            candidates,
            MediaTrackConstraints.builder()
                .frameRate(ConstrainDouble.min(1))
                .width(ConstrainULong.exact(4000))
                .build(),
            ALL);
    assertThat(outcome.satisfied()).isFalse();
    assertThat(outcome.failedConstraint()).isEqualTo("width");
  }

  @Test
  void onlyACombinationFailingGivesTheEmptyName() {
    var candidates =
        List.of(
            new SelectSettings.Candidate<>("vga", mode(640, 480, 30)),
            new SelectSettings.Candidate<>("hd", mode(1280, 720, 30)));
    var outcome =
        SelectSettings.select(
            candidates,
            MediaTrackConstraints.builder()
                .width(ConstrainULong.exact(640))
                .height(ConstrainULong.exact(720))
                .build(),
            ALL);
    assertThat(outcome.failedConstraint()).isEmpty();
  }

  @Test
  void advancedSetsFilterInOrderAndUnsatisfiableOnesAreSkipped() {
    var candidates =
        List.of(
            new SelectSettings.Candidate<>("vga", mode(640, 480, 30)),
            new SelectSettings.Candidate<>("hd", mode(1280, 720, 30)),
            new SelectSettings.Candidate<>("hd60", mode(1280, 720, 60)));
    var c =
        MediaTrackConstraints.builder()
            .width(640) // ideal: would pick vga without the advanced sets
            .advanced(
                MediaTrackConstraintSet.builder().width(4000).build(), // bare = exact: ignored
                MediaTrackConstraintSet.builder().width(1280).build(),
                MediaTrackConstraintSet.builder().frameRate(60).build())
            .build();
    assertThat(SelectSettings.select(candidates, c, ALL).chosen()).isEqualTo("hd60");
  }

  @Test
  void constraintsOfTheOtherKindAreIgnored() {
    var candidates = List.of(new SelectSettings.Candidate<>("vga", mode(640, 480, 30)));
    var c = MediaTrackConstraints.builder().echoCancellation(ConstrainBoolean.exact(true)).build();
    assertThat(SelectSettings.select(candidates, c, UserMediaSelector.VIDEO_PROPERTIES).chosen())
        .isEqualTo("vga");
    assertThat(SelectSettings.select(candidates, c, ALL).failedConstraint())
        .isEqualTo("echoCancellation");
  }

  @Test
  void minAboveMaxSatisfiesNothing() {
    var candidates = List.of(new SelectSettings.Candidate<>("vga", mode(640, 480, 30)));
    var c =
        MediaTrackConstraints.builder().width(new ConstrainULong(700L, 600L, null, null)).build();
    assertThat(SelectSettings.select(candidates, c, ALL).failedConstraint()).isEqualTo("width");
  }
}
