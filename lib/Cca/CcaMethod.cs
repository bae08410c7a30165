namespace RuralEcom.Cca;

/// <summary>How the canonical correlations and coefficients are computed.</summary>
public enum CcaMethod
{
    /// <summary>
    /// The numerically stable route. From data: centre and scale each block, take its thin QR decomposition
    /// (Z = QR) and the singular value decomposition of Qxᵀ Qy (Björck &amp; Golub 1973, "Numerical methods
    /// for computing angles between linear subspaces", Math. Comp. 27:579-594). From a correlation or
    /// covariance matrix: the same with Cholesky factors of the within-set blocks in place of R.
    /// The singular values are the canonical correlations.
    /// </summary>
    Stable,

    /// <summary>
    /// The textbook route the paper describes (its Step 3): the eigenvalues of R11⁻¹ R12 R22⁻¹ R21 are the
    /// squared canonical correlations and its eigenvectors the X coefficients; the Y coefficients follow as
    /// R22⁻¹ R21 a / r. Forming the product squares the condition number, so digits are lost on
    /// ill-conditioned data; it is offered as a check on <see cref="Stable"/> (Hotelling 1936; Anderson 2003,
    /// An Introduction to Multivariate Statistical Analysis, 3rd ed., §12.2).
    /// </summary>
    Eigen,
}
