package io.github.jrtc.javafx;

/**
 * Where CSS {@code object-fit} puts a video of {@code videoWidth x videoHeight} (already rotated)
 * in a box: the displayed size, centred. Pure arithmetic, so it is tested without a display.
 */
record FitGeometry(double x, double y, double width, double height) {
  static FitGeometry of(
      ObjectFit fit, double videoWidth, double videoHeight, double boxWidth, double boxHeight) {
    double sx;
    double sy;
    double contain = Math.min(boxWidth / videoWidth, boxHeight / videoHeight);
    switch (fit) {
      case COVER -> sx = sy = Math.max(boxWidth / videoWidth, boxHeight / videoHeight);
      case FILL -> {
        sx = boxWidth / videoWidth;
        sy = boxHeight / videoHeight;
      }
      case NONE -> sx = sy = 1;
      case SCALE_DOWN -> sx = sy = Math.min(1, contain);
      default -> sx = sy = contain;
    }
    double w = videoWidth * sx;
    double h = videoHeight * sy;
    return new FitGeometry((boxWidth - w) / 2, (boxHeight - h) / 2, w, h);
  }
}
