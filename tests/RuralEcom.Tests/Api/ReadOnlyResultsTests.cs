using System.Collections;
using System.Reflection;
using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Resampling;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Api;

/// <summary>
/// Every list a result exposes is read-only: casting it to an array fails, and writing through <see cref="IList"/>
/// throws. The test walks every public property of every result reachable from one full analysis (fit, tests,
/// interpretation, strategies, resampling, ridge), so a new result property is covered without being listed here.
/// </summary>
public class ReadOnlyResultsTests
{
    [Fact]
    public void No_list_reachable_from_a_result_can_be_written()
    {
        var (x, y) = TestData.Related(40, 3, 4, 5);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var tests = cca.Tests();
        var reading = cca.Interpret(tests, new InterpretationOptions { Alpha = 0.5 });
        var one = new ResamplingOptions(MaxDegreeOfParallelism: 1);
        object[] roots =
        [
            cca, tests, reading, reading.RankStrategies(), CorrelationBlocks.Of(cca),
            CcaComparison.Compare(cca, CanonicalCorrelationAnalysis.Fit(x, y, method: CcaMethod.Eigen)),
            CanonicalCorrelationAnalysis.FitCorrelation(cca.CorrelationMatrix.ToArray(), 3, 40),
            PermutationTest.Test(x, y, 20, 1, one), CcaBootstrap.Resample(x, y, 20, 1, options: one),
            NullDistribution.Simulate(40, 3, 4, 20, 1, one), CcaCrossValidation.KFold(x, y, 4, 1, one),
            RegularizedCca.Fit(x, y, 0.1, 0.1), RegularizedCca.ChoosePenalties(x, y, [0.1], [0.1, 0.2], options: one),
            StrategyMap.Default,
        ];
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int lists = 0;
        foreach (var root in roots) lists += Walk(root, root.GetType().Name, seen);
        Assert.True(lists > 60, $"only {lists} lists were checked");
    }

    [Fact]
    public void The_cast_the_issue_reported_fails_and_leaves_the_result_intact()
    {
        var (x, y) = TestData.Related(40, 3, 4, 5);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        double r1 = cca.Correlations[0];
        Assert.Throws<InvalidCastException>(() => ((double[])cca.Correlations)[0] = 0.1);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)cca.Correlations)[0] = 0.1);
        Assert.Equal(r1, cca.Correlations[0]);
        Assert.Equal(r1 * r1 / (1 - r1 * r1), cca.Eigenvalues[0], 12);
    }

    [Fact]
    public void Arrays_handed_out_are_copies()
    {
        var (x, y) = TestData.Related(40, 3, 4, 5);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        double a11 = cca.StandardizedCoefficientsX[0, 0];
        cca.StandardizedCoefficientsX.ToArray()[0, 0] = 99;
        cca.StandardizedCoefficientsX.Column(0)[0] = 99;
        cca.StandardizedCoefficientsX.Row(0)[0] = 99;
        Assert.Equal(a11, cca.StandardizedCoefficientsX[0, 0]);
        var perm = PermutationTest.Test(x, y, 10, 1);
        double first = perm.CorrelationReplicates(1)[0];
        perm.CorrelationReplicates(1)[0] = 99;
        Assert.Equal(first, perm.CorrelationReplicates(1)[0]);
    }

    /// <summary>Checks every list under <paramref name="value"/>; returns how many lists it checked.</summary>
    private static int Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return 0;
        int count = 0;
        if (value is IEnumerable sequence && ReadOnlyListType(value.GetType()) is not null)
        {
            Assert.False(value is Array, $"{path} is an array: a caller can cast it and write to it.");
            if (value is IList list)
            {
                Assert.True(list.IsReadOnly, $"{path} ({value.GetType().Name}) is a writable IList.");
                if (list.Count > 0) Assert.Throws<NotSupportedException>(() => list[0] = list[0]);
            }
            count++;
            int i = 0;
            foreach (var item in sequence) count += Walk(item, $"{path}[{i++}]", seen);
            return count;
        }
        if (value.GetType().Namespace?.StartsWith("RuralEcom", StringComparison.Ordinal) != true) return 0;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            count += Walk(property.GetValue(value), $"{path}.{property.Name}", seen);
        }
        return count;
    }

    private static Type? ReadOnlyListType(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
}
