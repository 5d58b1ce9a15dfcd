package io.github.jrtc.javafx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Writes a JavaFX image as PNG (without javafx-swing), for looking at what a test saw. */
final class Snapshots {
  private Snapshots() {}

  static void save(Image image, String file) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
      }
    }
    try {
      Path path = Path.of(file);
      Files.createDirectories(path.toAbsolutePath().getParent());
      ImageIO.write(out, "png", path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
