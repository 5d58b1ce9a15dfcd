package io.github.jrtc.javafx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.TypeError;
import org.junit.jupiter.api.Test;

/** CSS object-fit for a square 60x60 video in a 240x120 box and a large 480x480 one. */
class FitGeometryTest {
  @Test
  void eachFitPlacesASquareVideoInAWideBox() {
    assertThat(FitGeometry.of(ObjectFit.CONTAIN, 60, 60, 240, 120))
        .isEqualTo(new FitGeometry(60, 0, 120, 120));
    assertThat(FitGeometry.of(ObjectFit.COVER, 60, 60, 240, 120))
        .isEqualTo(new FitGeometry(0, -60, 240, 240));
    assertThat(FitGeometry.of(ObjectFit.FILL, 60, 60, 240, 120))
        .isEqualTo(new FitGeometry(0, 0, 240, 120));
    assertThat(FitGeometry.of(ObjectFit.NONE, 60, 60, 240, 120))
        .isEqualTo(new FitGeometry(90, 30, 60, 60));
    assertThat(FitGeometry.of(ObjectFit.SCALE_DOWN, 60, 60, 240, 120))
        .isEqualTo(new FitGeometry(90, 30, 60, 60));
    assertThat(FitGeometry.of(ObjectFit.SCALE_DOWN, 480, 480, 240, 120))
        .isEqualTo(FitGeometry.of(ObjectFit.CONTAIN, 480, 480, 240, 120));
  }

  @Test
  void objectFitCarriesTheCssStrings() {
    assertThat(ObjectFit.SCALE_DOWN.toString()).isEqualTo("scale-down");
    assertThat(ObjectFit.fromString("cover")).isEqualTo(ObjectFit.COVER);
    assertThatThrownBy(() -> ObjectFit.fromString("stretch")).isInstanceOf(TypeError.class);
  }
}
