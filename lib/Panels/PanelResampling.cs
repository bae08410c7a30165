using RuralEcom.Resampling;

namespace RuralEcom.Panels;

/// <summary>Which rearrangements of region-years a permutation test may use (exchangeability blocks).</summary>
public enum PermutationBlocks
{
    /// <summary>Any rearrangement of rows (the ordinary test: rows exchangeable).</summary>
    Free,

    /// <summary>Regions are shuffled within each year; years never mix (Winkler et al. 2015, within-block permutation).</summary>
    WithinYear,

    /// <summary>Whole regions' series move together, years kept aligned (Winkler et al. 2015, whole-block permutation): keeps each region's autocorrelation and trend.</summary>
    WholeRegion,
}

/// <summary>
/// Design-respecting resampling for panel CCA: the stepwise permutation test of Winkler, Renaud, Smith &amp; Nichols
/// (2020), NeuroImage 220:117065 (<see cref="PermutationTest"/>), run on within-transformed data with permutations
/// restricted to exchangeability blocks (Winkler, Webster, Vidaurre, Nichols &amp; Smith 2015, NeuroImage 123:253-268),
/// and a bootstrap that resamples whole regions (<see cref="CcaBootstrap"/> with region clusters; Cameron, Gelbach
/// &amp; Miller 2008).
/// </summary>
/// <remarks>
/// The transformed Y rows are permuted against the transformed X rows, and only with permutations P that leave the
/// nuisance design invariant (P Z spans the same space as Z), so that P commutes with the residual maker M and
/// P M Y = M P Y stays in the residual space (Winkler et al. 2015, §2; otherwise the permuted residuals carry
/// region or year means that the observed ones do not, and the test over-rejects). Hence: free permutations only
/// with the mean removed; within-year blocks with the mean or year means removed; whole-region blocks with any
/// transformation of a panel whose regions cover the same years. When regions are independent and identically
/// distributed under the null, the whole-region test is exact whatever the trends and serial correlation within a
/// region. Within-year blocks assume region-years of one year exchangeable, which region effects violate; the size
/// simulation (<see cref="PanelSizeStudy"/>) measures the consequence.
/// </remarks>
public static class PanelResampling
{
    /// <summary>The stepwise permutation test of a panel CCA with restricted permutations.</summary>
    /// <param name="fit">The panel CCA (its transformed data are permuted).</param>
    /// <param name="blocks">The exchangeability blocks.</param>
    /// <param name="permutations">The number B of random permutations.</param>
    /// <param name="seed">The seed; the result does not depend on the number of cores.</param>
    /// <param name="options">Progress reports, cancellation and the thread limit (null: all cores, no reports).</param>
    /// <exception cref="PanelDesignException">Whole-region blocks on a panel whose regions do not cover the same years.</exception>
    public static PermutationTestResult Permute(PanelCcaResult fit, PermutationBlocks blocks, int permutations, int seed,
        ResamplingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        RequireInvariance(fit.Within, blocks);
        var shuffle = Shuffler(fit.Transform, blocks);
        return PermutationTest.TestRestricted(fit.TransformedX, fit.TransformedY, permutations, seed, shuffle, options);
    }

    /// <summary>Throws unless the block scheme leaves the transformation's nuisance design invariant (see the remarks).</summary>
    /// <param name="within">The within transformation.</param>
    /// <param name="blocks">The exchangeability blocks.</param>
    /// <exception cref="PanelDesignException">The combination would permute nuisance effects into the residuals.</exception>
    public static void RequireInvariance(WithinTransformation within, PermutationBlocks blocks)
    {
        bool ok = blocks switch
        {
            PermutationBlocks.Free => within == WithinTransformation.None,
            PermutationBlocks.WithinYear => within is WithinTransformation.None or WithinTransformation.Year,
            PermutationBlocks.WholeRegion => true,
            _ => throw new ArgumentOutOfRangeException(nameof(blocks)),
        };
        if (!ok)
            throw new PanelDesignException(blocks == PermutationBlocks.Free
                ? $"Free permutations mix regions and years, so they would move the removed {PanelCca.Describe(within)} back into the data. Use whole-region blocks (or within-year blocks with year means removed)."
                : $"Within-year permutations move rows between regions, so they would move the removed {PanelCca.Describe(within)} back into the data. Use whole-region blocks, or remove year means only.");
    }

    /// <summary>Bootstrap intervals of a panel CCA that resample whole regions (each region's years stay together).</summary>
    /// <param name="fit">The panel CCA (its transformed data are resampled).</param>
    /// <param name="draws">The number B of draws.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="options">Progress reports, cancellation and the thread limit (null: all cores, no reports).</param>
    /// <exception cref="PanelDesignException">The regions do not cover the same years (the draw would change n).</exception>
    /// <remarks>Only percentile intervals: BCa's jackknife would have to leave out whole regions, which <see cref="CcaBootstrap"/> does not do.</remarks>
    public static BootstrapResult ClusterBootstrap(PanelCcaResult fit, int draws, int seed, double level = 0.95,
        ResamplingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var table = RegionYearTable(fit.Transform, "A region-cluster bootstrap");
        int regions = table.GetLength(0), years = table.GetLength(1);
        void Resample(int[] index, Random rng)
        {
            for (int r = 0; r < regions; r++)
            {
                int drawn = rng.Next(regions);
                for (int t = 0; t < years; t++) index[table[r, t]] = table[drawn, t];
            }
        }
        return CcaBootstrap.ResampleWith(fit.TransformedX, fit.TransformedY, draws, seed, level, false, Resample, options,
            fit.Cca.XNames, fit.Cca.YNames);
    }

    /// <summary>The shuffle for a block scheme, over the transformed rows.</summary>
    internal static Action<int[], Random> Shuffler(WithinTransform transform, PermutationBlocks blocks)
    {
        switch (blocks)
        {
            case PermutationBlocks.Free:
                return ReplicateRunner.Shuffle;
            case PermutationBlocks.WithinYear:
            {
                // Rows of the transformed data grouped by year, laid out contiguously.
                var byYear = Enumerable.Range(0, transform.Rows.Count).GroupBy(i => transform.Design.YearOf[transform.Rows[i]])
                    .Select(g => g.ToArray()).ToArray();
                return (index, rng) =>
                {
                    foreach (var group in byYear)
                    {
                        var order = new int[group.Length];
                        ReplicateRunner.Shuffle(order, rng);
                        for (int i = 0; i < group.Length; i++) index[group[i]] = group[order[i]];
                    }
                };
            }
            case PermutationBlocks.WholeRegion:
            {
                var table = RegionYearTable(transform, "Whole-region permutation");
                int regions = table.GetLength(0), years = table.GetLength(1);
                return (index, rng) =>
                {
                    var order = new int[regions];
                    ReplicateRunner.Shuffle(order, rng);
                    for (int r = 0; r < regions; r++)
                        for (int t = 0; t < years; t++) index[table[r, t]] = table[order[r], t];
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(blocks));
        }
    }

    /// <summary>Transformed row of each (region, year present), requiring every region to cover the same years.</summary>
    private static int[,] RegionYearTable(WithinTransform transform, string what)
    {
        var design = transform.Design;
        var years = transform.Rows.Select(i => design.YearOf[i]).Distinct().Order().ToArray();
        var yearSlot = years.Select((y, s) => (y, s)).ToDictionary(t => t.y, t => t.s);
        var table = new int[design.Regions.Count, years.Length];
        for (int r = 0; r < table.GetLength(0); r++)
            for (int t = 0; t < years.Length; t++) table[r, t] = -1;
        for (int i = 0; i < transform.Rows.Count; i++)
            table[design.RegionOf[transform.Rows[i]], yearSlot[design.YearOf[transform.Rows[i]]]] = i;
        var missing = new List<string>();
        for (int r = 0; r < table.GetLength(0); r++)
            for (int t = 0; t < years.Length; t++)
                if (table[r, t] < 0) missing.Add($"{design.Regions[r]} {design.Years[years[t]]}");
        if (missing.Count > 0)
            throw new PanelDesignException($"{what} needs every region observed in the same years, but {missing.Count} region-year(s) are missing: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}. Use within-year blocks instead, or drop the incomplete regions.");
        return table;
    }
}
