using System.CommandLine;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Resampling;

namespace RuralEcom.Cli;

/// <summary>
/// The options of <c>cca</c> for data too large for memory or kept in a database: Parquet files and DuckDB SQL
/// queries (streamed through the embedded DuckDB engine), the portable co-moment query to run where a table lives
/// (<c>--show-sql --table</c>), and a fit from that query's saved result (<c>--moments</c>).
/// </summary>
internal sealed class LargeDataOptions
{
    private readonly Option<string?> _sql = new("--sql")
    {
        Description = "A DuckDB SELECT query giving the rows, e.g. \"SELECT * FROM read_parquet('big.parquet') WHERE year >= 2015\" (streamed; no scores).",
        HelpName = "QUERY",
    };

    private readonly Option<bool> _showSql = new("--show-sql")
    {
        Description = "Print one portable SQL query (Spark SQL, Trino, DuckDB) that computes the co-moments of --x and --y in --table, and stop.",
    };

    private readonly Option<string?> _table = new("--table")
    {
        Description = "The table or view for --show-sql, e.g. warehouse.panel.",
        HelpName = "NAME",
    };

    private readonly Option<string?> _moments = new("--moments")
    {
        Description = "Fit from the result of the --show-sql query, saved as CSV with its header (the variable names come from the file).",
        HelpName = "FILE.csv",
    };

    /// <summary>
    /// Adds the options to the command, with a check (at parse time, so the error points to --help) that exactly
    /// one source of data is given and that --x and --y are given where they are needed.
    /// </summary>
    public void AddTo(Command command, Option<string> data, Option<string?> x, Option<string?> y)
    {
        data.Required = false;
        command.Add(_sql);
        command.Add(_showSql);
        command.Add(_table);
        command.Add(_moments);
        command.Validators.Add(result =>
        {
            bool showSql = result.GetValue(_showSql);
            var given = new[] { (result.GetValue(data), "--data"), (result.GetValue(_sql), "--sql"), (result.GetValue(_moments), "--moments"), (result.GetValue(_table), "--table") }
                .Where(o => o.Item1 is not null).Select(o => o.Item2).ToArray();
            if (showSql && !given.SequenceEqual(["--table"]))
                result.AddError("--show-sql needs --table NAME (the table or view whose columns --x and --y name) and no other data option.");
            else if (!showSql && given.Contains("--table"))
                result.AddError("--table is only used with --show-sql; to read a file or query, use --data or --sql.");
            else if (given.Length == 0)
                result.AddError("Give the data: --data FILE (.csv or .parquet), --sql QUERY, or --moments FILE (or print a query with --show-sql --table NAME).");
            else if (given.Length > 1)
                result.AddError($"Give only one of {string.Join(" and ", given)}.");
            bool moments = given.Contains("--moments");
            foreach (var set in new[] { x, y })
            {
                bool has = result.GetValue(set) is not null;
                if (moments && has) result.AddError($"--moments takes the variable names from the file; leave out {set.Name}.");
                if (!moments && !has) result.AddError($"{set.Name} is required: name its columns, e.g. {set.Name} A,B,C.");
            }
        });
    }

    /// <summary>
    /// Handles <c>--show-sql</c>: prints the co-moment query and returns true; false when the option is absent.
    /// </summary>
    public bool TryShowSql(ParseResult parse, string[]? x, string[]? y)
    {
        if (!parse.GetValue(_showSql)) return false;
        try
        {
            parse.InvocationConfiguration.Output.Write(CoMomentSql.Query(parse.GetValue(_table)!, x!, y!));
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
        return true;
    }

    /// <summary>
    /// Fits from a Parquet file, a query or a moments file when one of those was given (null otherwise, for the
    /// in-memory CSV route), showing progress on standard error. Also returns the name to show as the data source.
    /// </summary>
    public (CcaResult Fit, string Source)? TryFit(ParseResult parse, string? data, string[]? x, string[]? y, CcaMethod method)
    {
        if (parse.GetValue(_moments) is { } moments)
            return (LargeDataCca.FitMomentsFile(moments, method), Path.GetFileName(moments));
        var progress = new FractionProgress(new ProgressBar(parse.InvocationConfiguration.Error));
        if (parse.GetValue(_sql) is { } sql)
            return (LargeDataCca.FitQuery(sql, x!, y!, progress, method), "query");
        if (data is not null && IsParquet(data))
            return (LargeDataCca.FitFile(data, x!, y!, progress, method), Path.GetFileName(data));
        return null;
    }

    private static bool IsParquet(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parq", StringComparison.OrdinalIgnoreCase);

    /// <summary>Shows a fraction of the input read (0 to 1) on the resampling progress bar, in percent.</summary>
    private sealed class FractionProgress(ProgressBar bar) : IProgress<double>
    {
        public void Report(double value) => bar.Report(new ResamplingProgress("of the input read", (int)Math.Round(100 * value), 100));
    }
}
