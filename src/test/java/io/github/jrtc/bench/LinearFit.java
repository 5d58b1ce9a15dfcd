package io.github.jrtc.bench;

import java.util.Locale;

/**
 * Least-squares line through (x, y) with the slope's standard error and a 95% interval. Successive
 * RSS samples are autocorrelated, so the interval is a lower bound on the real uncertainty: compare
 * runs, not just intervals.
 */
public record LinearFit(double slope, double intercept, double slopeStdErr, double r2, int n) {

  public static LinearFit of(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (n < 3 || sxx == 0) {
      return new LinearFit(0, my, Double.NaN, 0, n);
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - (intercept + slope * x[i]);
      sse += r * r;
    }
    double se = Math.sqrt(sse / (n - 2) / sxx);
    double r2 = syy == 0 ? 1 : 1 - sse / syy;
    return new LinearFit(slope, intercept, se, r2, n);
  }

  /** Half-width of the 95% interval (normal approximation; n is in the hundreds here). */
  public double ci95() {
    return 1.96 * slopeStdErr;
  }

  public String describe() {
    return String.format(Locale.ROOT, "%.2f ± %.2f", slope, ci95());
  }
}
