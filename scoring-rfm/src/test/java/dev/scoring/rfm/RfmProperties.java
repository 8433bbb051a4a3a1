package dev.scoring.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RfmProperties {
  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

  @Provide
  Arbitrary<List<Transaction>> transactions() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcdefghij").ofMinLength(1)
        .ofMaxLength(2);
    // a few days after the analysis date, which must be ignored
    Arbitrary<LocalDate> dates = Arbitraries.integers().between(-3, 400).map(AS_OF::minusDays);
    // whole cents, a few returns
    Arbitrary<Double> amounts = Arbitraries.integers().between(-2_000, 500_000)
        .map(cents -> cents / 100.0);
    Arbitrary<String> orders = Arbitraries.of("o1", "o2", "o3", "o4").injectNull(0.4);
    return Combinators.combine(ids, dates, amounts, orders).as(Transaction::new)
        .list().ofMinSize(1).ofMaxSize(80);
  }

  @Provide
  Arbitrary<Rfm> analyses() {
    Arbitrary<Integer> bins = Arbitraries.integers().between(Rfm.MIN_BINS, Rfm.MAX_BINS);
    Arbitrary<Binning> binning = Arbitraries.of(Binning.quantiles(), Binning.rCompatible());
    Arbitrary<Monetary> monetary = Arbitraries.of(Monetary.class);
    Arbitrary<ReturnPolicy> returns = Arbitraries.of(ReturnPolicy.class);
    Arbitrary<Integer> weight = Arbitraries.integers().between(0, 4);
    return Combinators.combine(bins, binning, monetary, returns, weight, weight, weight)
        .as((n, b, m, r, wr, wf, wm) -> Rfm.builder()
            .analysisDate(AS_OF)
            .bins(n)
            .binning(b)
            .monetary(m)
            .returns(r)
            .weights(wr, wf, wm + (wr + wf == 0 ? 1 : 0))
            .segments(segmentsFor(n))
            .build());
  }

  static SegmentTable segmentsFor(int n) {
    if (n >= 5) {
      return SegmentTable.rPackage();
    }
    return SegmentTable.builder().segment("Top", n, n, 1, n, 1, n)
        .segment("Bottom", 1, 1, 1, n, 1, n).build();
  }

  @Property
  void scoresLieInOneToN(@ForAll("analyses") Rfm rfm,
      @ForAll("transactions") List<Transaction> tx) {
    int n = rfm.bins();
    for (CustomerRfm c : rfm.score(tx).customers()) {
      check(c.r() >= 1 && c.r() <= n && c.f() >= 1 && c.f() <= n && c.m() >= 1 && c.m() <= n,
          c + " scores in 1.." + n);
      check(c.score() >= 0 && c.score() <= 100, c + " score in 0..100");
      check(c.recencyDays() >= 0 && c.frequency() >= 1, c + " measures");
      check(c.cell().equals("" + c.r() + c.f() + c.m()), c + " cell");
      check(rfm.segments().names().contains(c.segment()), c + " segment");
    }
  }

  @Property
  void permutingTheInputChangesNothing(@ForAll("analyses") Rfm rfm,
      @ForAll("transactions") List<Transaction> tx, @ForAll long seed) {
    List<Transaction> shuffled = new ArrayList<>(tx);
    Collections.shuffle(shuffled, new Random(seed));
    RfmResult a = rfm.score(tx);
    RfmResult b = rfm.score(shuffled);
    check(a.customers().equals(b.customers()), "customers differ");
    for (Measure m : Measure.values()) {
      check(a.thresholds(m).equals(b.thresholds(m)), m + " thresholds differ");
    }
  }

  @Property
  void aStrictlyLargerMeasureNeverGetsALowerScore(@ForAll("analyses") Rfm rfm,
      @ForAll("transactions") List<Transaction> tx) {
    List<CustomerRfm> all = rfm.score(tx).customers();
    for (CustomerRfm x : all) {
      for (CustomerRfm y : all) {
        if (x.monetary() > y.monetary()) {
          check(x.m() >= y.m(), x + " has a lower M than " + y);
        }
        if (x.frequency() > y.frequency()) {
          check(x.f() >= y.f(), x + " has a lower F than " + y);
        }
        if (x.recencyDays() < y.recencyDays()) {
          check(x.r() >= y.r(), x + " (more recent) has a lower R than " + y);
        }
      }
    }
  }

  @Property
  void tiesShareABin(@ForAll("analyses") Rfm rfm, @ForAll("transactions") List<Transaction> tx) {
    List<CustomerRfm> all = rfm.score(tx).customers();
    for (CustomerRfm x : all) {
      for (CustomerRfm y : all) {
        if (x.monetary() == y.monetary()) {
          check(x.m() == y.m(), x + " and " + y + " tie on monetary");
        }
        if (x.frequency() == y.frequency()) {
          check(x.f() == y.f(), x + " and " + y + " tie on frequency");
        }
        if (x.recencyDays() == y.recencyDays()) {
          check(x.r() == y.r(), x + " and " + y + " tie on recency");
        }
      }
    }
  }

  @Property
  void theScoreIsMonotoneInEachOfRfm(@ForAll("analyses") Rfm rfm,
      @ForAll @IntRange(min = 1, max = 9) int r, @ForAll @IntRange(min = 1, max = 9) int f,
      @ForAll @IntRange(min = 1, max = 9) int m) {
    int n = rfm.bins();
    int r0 = Math.min(r, n);
    int f0 = Math.min(f, n);
    int m0 = Math.min(m, n);
    double score = rfm.scoreOf(r0, f0, m0);
    check(score >= 0 && score <= 100, "score " + score);
    if (r0 < n) {
      check(rfm.scoreOf(r0 + 1, f0, m0) >= score, "R+1 lowers the score");
    }
    if (f0 < n) {
      check(rfm.scoreOf(r0, f0 + 1, m0) >= score, "F+1 lowers the score");
    }
    if (m0 < n) {
      check(rfm.scoreOf(r0, f0, m0 + 1) >= score, "M+1 lowers the score");
    }
    check(rfm.scoreOf(1, 1, 1) == 0 && rfm.scoreOf(n, n, n) == 100, "ends of the scale");
  }

  /** The measures agree with a plain, obviously correct recomputation. */
  @Property
  void measuresAgreeWithAReferenceAggregation(@ForAll("analyses") Rfm rfm,
      @ForAll("transactions") List<Transaction> tx) {
    Map<String, Integer> lastDay = new HashMap<>();
    Map<String, Set<String>> orders = new HashMap<>();
    Map<String, Integer> loose = new HashMap<>();
    Map<String, Double> revenue = new HashMap<>();
    for (Transaction t : tx) {
      if (t.date().isAfter(AS_OF)
          || (t.amount() < 0 && rfm.returns() == ReturnPolicy.EXCLUDE)) {
        continue;
      }
      revenue.merge(t.customerId(), t.amount(), Double::sum);
      if (t.amount() >= 0) {
        lastDay.merge(t.customerId(), (int) t.date().toEpochDay(), Math::max);
        if (t.orderId() == null) {
          loose.merge(t.customerId(), 1, Integer::sum);
        } else {
          orders.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.orderId());
        }
      }
    }
    List<CustomerRfm> all = rfm.score(tx).customers();
    check(all.size() == lastDay.size(), "customers " + all.size() + " vs " + lastDay.size());
    for (CustomerRfm c : all) {
      String id = c.customerId();
      int frequency = loose.getOrDefault(id, 0) + orders.getOrDefault(id, Set.of()).size();
      check(c.recencyDays() == AS_OF.toEpochDay() - lastDay.get(id), c + " recency");
      check(c.frequency() == frequency, c + " frequency " + frequency);
      check(Math.abs(c.revenue() - revenue.get(id)) < 1e-6, c + " revenue " + revenue.get(id));
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
