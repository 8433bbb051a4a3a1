package dev.scoring.core.evaluation;

import dev.scoring.core.ScoringTable;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TableFitterProperties {

  @Property(tries = 15)
  boolean fittingIsDeterministicForASeed(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    List<LabeledContact> train = Synthetic.contacts(seed, 200);
    FittedTable first = fitter(1).fit(train, Synthetic.AS_OF);
    FittedTable second = fitter(1).fit(Synthetic.contacts(seed, 200), Synthetic.AS_OF);
    return first.table().toJson().equals(second.table().toJson())
        && first.regression().coefficients().equals(second.regression().coefficients())
        && first.regression().intercept() == second.regression().intercept();
  }

  /** With exact points, scores order contacts as the probabilities do, but for clamping. */
  @Property(tries = 15)
  boolean exactPointsOrderLikeTheProbabilities(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    FittedTable fitted = fitter(0).fit(Synthetic.contacts(seed, 200), Synthetic.AS_OF);
    List<LabeledContact> heldOut = Synthetic.contacts(seed + 1, 150);
    int n = heldOut.size();
    double[] p = new double[n];
    double[] s = new double[n];
    ScoringTable t = fitted.table();
    for (int i = 0; i < n; i++) {
      p[i] = fitted.regression().probability(heldOut.get(i).contact(), Synthetic.AS_OF);
      s[i] = t.score(heldOut.get(i).contact(), Synthetic.AS_OF).score();
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean clamped = s[i] == t.scale().max() || s[j] == t.scale().min();
        if (p[i] > p[j] * (1 + 1e-9) + 1e-12 && !(s[i] > s[j]) && !clamped) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * With points rounded to whole numbers, each contact's score is within {@code 0.5 * (1 +
   * sum of its terms)} of the scaled log odds (clamped), so contacts further apart than their
   * two bounds keep their order.
   */
  @Property(tries = 15)
  boolean roundedPointsStayWithinTheRoundingBound(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    FittedTable fitted = fitter(1).fit(Synthetic.contacts(seed, 200), Synthetic.AS_OF);
    List<LabeledContact> heldOut = Synthetic.contacts(seed + 1, 150);
    ScoringTable t = fitted.table();
    int n = heldOut.size();
    double[] exact = new double[n];
    double[] bound = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double[] row = fitted.regression().encoding().row(heldOut.get(i).contact(),
          Synthetic.AS_OF);
      double terms = 0;
      for (double x : row) {
        terms += x;
      }
      exact[i] = t.scale().clamp(fitted.offset()
          + fitted.factor() * fitted.regression().linearPredictor(row));
      bound[i] = 0.5 * (1 + terms) + 1e-9;
      s[i] = t.score(heldOut.get(i).contact(), Synthetic.AS_OF).score();
      if (Math.abs(s[i] - exact[i]) > bound[i]) {
        return false;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (exact[i] - exact[j] > bound[i] + bound[j] && !(s[i] > s[j])) {
          return false;
        }
      }
    }
    return true;
  }

  private static TableFitter fitter(double step) {
    return TableFitter.builder("synthetic").features(Synthetic.spec()).pointsStep(step)
        .tier(TierTarget.capacity("SQL", 0.2)).build();
  }
}
