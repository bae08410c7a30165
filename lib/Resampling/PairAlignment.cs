namespace RuralEcom.Resampling;

/// <summary>
/// Matches the canonical pairs of a refitted analysis (bootstrap draw, cross-validation fold) to the pairs of a
/// reference analysis, because a refit may return the pairs in another order (when two correlations are close)
/// and with either sign.
/// </summary>
/// <remarks>
/// Rule: each pair is described by its structure coefficients, the correlations of the X and Y variables with
/// their own canonical variates stacked into one vector of length p + q. The similarity of a refitted pair j and a
/// reference pair k is the absolute cosine of the angle between their vectors; the one-to-one matching that
/// maximises the summed similarity is found with the Hungarian algorithm (Kuhn 1955, Naval Res. Logist. Q.
/// 2:83-97). A matched pair whose cosine is negative has both of its variates negated (which leaves its
/// correlation unchanged).
/// </remarks>
public static class PairAlignment
{
    /// <summary>Finds the matching of refitted pairs to reference pairs.</summary>
    /// <param name="reference">The reference structure vectors, m × k (one column per reference pair).</param>
    /// <param name="candidate">The refitted structure vectors, m × k.</param>
    /// <returns>For each reference pair k (0-based), the candidate pair matched to it and the sign (±1) to apply.</returns>
    public static (int[] Match, int[] Sign) Align(double[,] reference, double[,] candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        int m = reference.GetLength(0), k = reference.GetLength(1);
        if (candidate.GetLength(0) != m || candidate.GetLength(1) != k)
            throw new ArgumentException($"The candidate is {candidate.GetLength(0)} × {candidate.GetLength(1)} but the reference is {m} × {k}.", nameof(candidate));
        var cos = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double dot = 0, na = 0, nb = 0;
                for (int i = 0; i < m; i++)
                {
                    dot += reference[i, a] * candidate[i, b];
                    na += reference[i, a] * reference[i, a];
                    nb += candidate[i, b] * candidate[i, b];
                }
                cos[a, b] = na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
            }
        var cost = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) cost[a, b] = 1 - Math.Abs(cos[a, b]);
        var match = Hungarian(cost);
        var sign = new int[k];
        for (int a = 0; a < k; a++) sign[a] = cos[a, match[a]] < 0 ? -1 : 1;
        return (match, sign);
    }

    /// <summary>
    /// The assignment of columns to rows with the smallest total cost (square matrix), by the shortest augmenting
    /// path form of the Hungarian algorithm with row and column potentials, O(k³).
    /// </summary>
    /// <param name="cost">A k × k cost matrix.</param>
    /// <returns>For each row, its assigned column.</returns>
    public static int[] Hungarian(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int k = cost.GetLength(0);
        if (cost.GetLength(1) != k) throw new ArgumentException("The cost matrix must be square.", nameof(cost));
        // 1-based arrays; column 0 is a virtual start column.
        var u = new double[k + 1];
        var v = new double[k + 1];
        var rowOfColumn = new int[k + 1];
        var way = new int[k + 1];
        for (int row = 1; row <= k; row++)
        {
            rowOfColumn[0] = row;
            int col0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, k + 1).ToArray();
            var used = new bool[k + 1];
            do
            {
                used[col0] = true;
                int r0 = rowOfColumn[col0], col1 = 0;
                double delta = double.PositiveInfinity;
                for (int c = 1; c <= k; c++)
                {
                    if (used[c]) continue;
                    double reduced = cost[r0 - 1, c - 1] - u[r0] - v[c];
                    if (reduced < minv[c]) { minv[c] = reduced; way[c] = col0; }
                    if (minv[c] < delta) { delta = minv[c]; col1 = c; }
                }
                for (int c = 0; c <= k; c++)
                {
                    if (used[c]) { u[rowOfColumn[c]] += delta; v[c] -= delta; }
                    else minv[c] -= delta;
                }
                col0 = col1;
            } while (rowOfColumn[col0] != 0);
            do
            {
                int col1 = way[col0];
                rowOfColumn[col0] = rowOfColumn[col1];
                col0 = col1;
            } while (col0 != 0);
        }
        var result = new int[k];
        for (int c = 1; c <= k; c++) result[rowOfColumn[c] - 1] = c - 1;
        return result;
    }

    /// <summary>The stacked structure vectors [X structure; Y structure] of an analysis, (p + q) × k.</summary>
    internal static double[,] StructureVectors(Cca.CcaResult cca)
    {
        int p = cca.P, q = cca.Q, k = cca.Count;
        var s = new double[p + q, k];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < p; i++) s[i, c] = cca.Structure.X[i, c];
            for (int i = 0; i < q; i++) s[p + i, c] = cca.Structure.Y[i, c];
        }
        return s;
    }
}
