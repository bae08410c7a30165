namespace RuralEcom.Cca;

/// <summary>
/// Canonical structure: correlations between the original variables and the canonical variates
/// (SAS PROC CANCORR "Canonical Structure"; also called canonical loadings and cross-loadings).
/// </summary>
/// <remarks>
/// With standardized coefficient matrices A (X) and B (Y) and the correlation blocks R11, R12, R22:
/// X with its own variates V: R11 A; Y with W: R22 B; X with the opposite variates W: R12 B (= R11 A diag(r));
/// Y with V: R21 A (= R22 B diag(r)). Cooley &amp; Lohnes (1971), Multivariate Data Analysis, ch. 6.
/// </remarks>
/// <param name="X">Correlations of each X variable (rows) with V1..Vk (columns).</param>
/// <param name="Y">Correlations of each Y variable with W1..Wk.</param>
/// <param name="CrossX">Correlations of each X variable with the opposite variates W1..Wk.</param>
/// <param name="CrossY">Correlations of each Y variable with the opposite variates V1..Vk.</param>
public sealed record StructureCoefficients(LabeledMatrix X, LabeledMatrix Y, LabeledMatrix CrossX, LabeledMatrix CrossY)
{
    /// <summary>The four blocks as tables, in the order SAS prints them.</summary>
    public IReadOnlyList<Table> ToTables() =>
    [
        X.ToTable("Correlations between the X variables and their canonical variates (V)"),
        Y.ToTable("Correlations between the Y variables and their canonical variates (W)"),
        CrossX.ToTable("Correlations between the X variables and the canonical variates of Y (W)"),
        CrossY.ToTable("Correlations between the Y variables and the canonical variates of X (V)"),
    ];
}
