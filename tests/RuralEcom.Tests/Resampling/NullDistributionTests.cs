using MathNet.Numerics.Distributions;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class NullDistributionTests
{
    /// <summary>
    /// With p = q = 1 the canonical correlation is |r|, and under independence r √(n − 2) / √(1 − r²) follows
    /// Student's t with n − 2 df, so the 95 % quantile of |r| is c = t / √(n − 2 + t²) with t = t_{0.975}(n − 2).
    /// For n = 20: t = 2.1009, c = 0.4438. 20,000 replicates estimate the quantile to about ±0.004 (1 s.e.).
    /// </summary>
    [Fact]
    public void One_by_one_quantile_matches_students_t()
    {
        var sim = NullDistribution.Simulate(20, 1, 1, 20000, 3);
        double t = StudentT.InvCDF(0, 1, 18, 0.975);
        double c = t / Math.Sqrt(18 + t * t);
        Assert.Equal(c, sim.Quantile(1, 0.95), 0.015);
        Assert.Equal(0.05, sim.UpperTail(1, c), 0.008);
    }

    /// <summary>
    /// Under independence E[Σ r_i²] = p q / (n − 1) (the mean of Pillai's trace; the squared canonical correlations
    /// are the eigenvalues of a matrix-Beta variable with mean (q/(n − 1)) I_p). For n = 55, p = 8, q = 11 this is
    /// 88/54 = 1.6296; the standard error of the mean over 4,000 replicates is about 0.004.
    /// </summary>
    [Fact]
    public void Mean_of_pillai_trace_is_pq_over_n_minus_1()
    {
        var sim = NullDistribution.Simulate(55, 8, 11, 4000, 9);
        double mean = 0;
        var columns = Enumerable.Range(1, 8).Select(sim.CorrelationReplicates).ToArray();
        for (int b = 0; b < 4000; b++) mean += columns.Sum(c => c[b] * c[b]);
        mean /= 4000;
        Assert.Equal(88.0 / 54, mean, 0.02);
        // The first correlation of unrelated 55 × (8 + 11) data is large: its median is far above 0.5.
        Assert.True(sim.Quantile(1, 0.5) > 0.6);
        for (int k = 2; k <= 8; k++) Assert.True(sim.Quantile(k, 0.5) < sim.Quantile(k - 1, 0.5));
    }

    [Fact]
    public void Thread_count_does_not_change_the_simulation()
    {
        var a = NullDistribution.Simulate(25, 3, 4, 200, 5, new ResamplingOptions(MaxDegreeOfParallelism: 1));
        var b = NullDistribution.Simulate(25, 3, 4, 200, 5, new ResamplingOptions(MaxDegreeOfParallelism: 4));
        for (int k = 1; k <= 3; k++) Assert.Equal(a.CorrelationReplicates(k), b.CorrelationReplicates(k));
        Assert.Equal(3, a.ToTable([0.9, 0.5]).Rows.Count);
    }

    [Fact]
    public void Too_small_n_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NullDistribution.Simulate(10, 8, 11, 10, 1));
        Assert.Equal("n", e.ParamName);
    }
}
