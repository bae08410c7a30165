using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

/// <summary>
/// Reading through DuckDB: values arrive unchanged, and empty, non-finite and non-numeric cells give the messages
/// of the in-memory CSV loader (<see cref="CsvTable"/>), with rows instead of lines.
/// </summary>
public class DuckDbRowReaderTests
{
    private static readonly string[] Header = ["id", "a", "b", "c"];

    private static IEnumerable<string?[]> Grid(int rows) =>
        Enumerable.Range(0, rows).Select(i => new string?[] { $"{i}", $"{i * 0.5}", $"{(i * 7) % 11}", $"{1e6 + i / 3.0:R}" });

    [Fact]
    public void Parquet_values_arrive_in_file_order_across_chunks()
    {
        using var files = new DuckDbFiles();
        int n = 5000; // more than two DuckDB chunks of 2,048 rows
        var csv = files.Csv("grid.csv", Header, Grid(n));
        var parquet = files.Parquet(csv, "grid.parquet");
        var expected = CsvTable.Load(csv).Matrix(["c", "a"]);
        using var reader = DuckDbRowReader.Open(DuckDbRowReader.FileQuery(parquet), ["c", "a"], parquet);
        var buffer = new double[3000 * 2]; // not a multiple of DuckDB's chunk
        int row = 0, got;
        while ((got = reader.Read(buffer)) > 0)
        {
            for (int r = 0; r < got; r++, row++)
            {
                Assert.Equal(expected[row, 0], buffer[r * 2]);
                Assert.Equal(expected[row, 1], buffer[r * 2 + 1]);
            }
        }
        Assert.Equal(n, row);
        Assert.Equal(n, reader.RowsRead);
    }

    [Fact]
    public void Integer_and_decimal_columns_are_read_as_numbers()
    {
        using var files = new DuckDbFiles();
        var csv = files.Csv("int.csv", Header, Grid(10));
        var parquet = files.Parquet(csv, "int.parquet", ", types = {'b': 'INTEGER', 'a': 'DECIMAL(10,2)'}");
        using var reader = DuckDbRowReader.Open(DuckDbRowReader.FileQuery(parquet), ["a", "b"], parquet);
        var buffer = new double[20];
        Assert.Equal(10, reader.Read(buffer));
        Assert.Equal(4.5, buffer[18]); // row 10: a = 9 × 0.5
        Assert.Equal(63 % 11, buffer[19]);
    }

    [Fact]
    public void Empty_cells_are_all_counted_with_the_in_memory_loaders_remedy()
    {
        using var files = new DuckDbFiles();
        var rows = Grid(30).ToArray();
        rows[2][2] = null;  // row 3, column b
        rows[6][3] = null;  // row 7, column c
        rows[25][2] = null; // row 26, column b
        var csv = files.Csv("gaps.csv", Header, rows);
        var parquet = files.Parquet(csv, "gaps.parquet");
        var memory = Assert.Throws<PanelFormatException>(() => CsvTable.Load(csv).Matrix(["a", "b", "c"]));
        var e = Assert.Throws<PanelFormatException>(() => ReadAll(parquet, ["a", "b", "c"]));
        Assert.Equal("3 empty cell(s): row 3 column b; row 7 column c; row 26 column b.", e.Problem);
        Assert.Equal(memory.Problem.Replace("line 4", "row 3").Replace("line 8", "row 7").Replace("line 27", "row 26"), e.Problem);
        Assert.Equal(memory.Remedy, e.Remedy);
        Assert.Equal("b", e.Column);
        Assert.StartsWith(parquet + ", column 'b': 3 empty cell(s)", e.Message);
    }

    [Fact]
    public void A_query_with_empty_cells_suggests_filtering_them()
    {
        using var files = new DuckDbFiles();
        var rows = Grid(5).ToArray();
        rows[1][1] = null;
        var parquet = files.Parquet(files.Csv("q.csv", Header, rows), "q.parquet");
        var e = Assert.Throws<PanelFormatException>(() => ReadAll($"SELECT * FROM read_parquet('{parquet}')", ["a", "b"], DuckDbRowReader.QuerySource));
        Assert.Contains("WHERE ... IS NOT NULL", e.Remedy);
        Assert.Equal(2, ReadAll($"SELECT * FROM read_parquet('{parquet}') WHERE a IS NOT NULL AND id < 3", ["a", "b"], DuckDbRowReader.QuerySource));
    }

    [Fact]
    public void NaN_stops_the_read_with_the_loaders_message()
    {
        using var files = new DuckDbFiles();
        var rows = Grid(12).ToArray();
        rows[8][3] = "NaN";
        var csv = files.Csv("nan.csv", Header, rows);
        var parquet = files.Parquet(csv, "nan.parquet", ", types = {'c': 'DOUBLE'}");
        var memory = Assert.Throws<PanelFormatException>(() => CsvTable.Load(csv).Matrix(["c"]));
        var e = Assert.Throws<PanelFormatException>(() => ReadAll(parquet, ["a", "c"]));
        Assert.Equal("Row 9: " + memory.Problem, e.Problem);
        Assert.Equal(memory.Remedy, e.Remedy);
        Assert.Equal("c", e.Column);
    }

    [Theory]
    [InlineData("12.5%")]
    [InlineData("1,234.5")]
    [InlineData("n/a")]
    public void Text_that_is_not_a_number_gets_the_loaders_message(string bad)
    {
        using var files = new DuckDbFiles();
        var rows = Grid(12).ToArray();
        rows[4][2] = "\"" + bad + "\"";
        var csv = files.Csv("text.csv", Header, rows);
        var memory = Assert.Throws<PanelFormatException>(() => CsvTable.Load(csv).Matrix(["a", "b"]));
        foreach (var sql in new[] { $"SELECT * FROM read_csv('{csv}')", DuckDbRowReader.FileQuery(files.Parquet(csv, "text.parquet")) })
        {
            var e = Assert.Throws<PanelFormatException>(() => ReadAll(sql, ["a", "b"], DuckDbRowReader.QuerySource));
            Assert.Equal("Row 5: " + memory.Problem, e.Problem);
            Assert.Equal(memory.Remedy, e.Remedy);
        }
    }

    [Fact]
    public void A_text_column_of_numbers_is_read()
    {
        using var files = new DuckDbFiles();
        var csv = files.Csv("t.csv", Header, Grid(6));
        var parquet = files.Parquet(csv, "t.parquet", ", types = {'b': 'VARCHAR'}");
        Assert.Equal(6, ReadAll(parquet, ["a", "b"]));
    }

    [Fact]
    public void Missing_columns_files_and_bad_sql_are_named()
    {
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(files.Csv("m.csv", Header, Grid(4)), "m.parquet");
        var column = Assert.Throws<PanelFormatException>(() => ReadAll(parquet, ["a", "B"]));
        Assert.Contains("There is no column 'B' (names are case-sensitive: did you mean b?)", column.Message);
        Assert.Contains("The columns are: id, a, b, c.", column.Message);
        var file = Assert.Throws<PanelFormatException>(() => DuckDbRowReader.FileQuery(parquet + ".none"));
        Assert.Contains("does not exist", file.Message);
        var ext = Assert.Throws<PanelFormatException>(() => DuckDbRowReader.FileQuery(Path.Combine(files.Folder, "m.csv").Replace(".csv", ".parquet.gz", StringComparison.Ordinal)));
        Assert.Contains("does not exist", ext.Message);
        var sql = Assert.Throws<PanelFormatException>(() => ReadAll("SELEC * FROM nowhere", ["a", "b"], DuckDbRowReader.QuerySource));
        Assert.StartsWith("the query: DuckDB could not run the query:", sql.Message);
        var date = Assert.Throws<PanelFormatException>(() => ReadAll("SELECT DATE '2020-01-01' AS a, 1.0 AS b", ["a", "b"], DuckDbRowReader.QuerySource));
        Assert.Contains("type DATE, not numbers", date.Message);
    }

    private static long ReadAll(string pathOrSql, string[] columns, string? source = null)
    {
        string sql = source is null ? DuckDbRowReader.FileQuery(pathOrSql) : pathOrSql;
        using var reader = DuckDbRowReader.Open(sql, columns, source ?? pathOrSql);
        var buffer = new double[1000 * columns.Length];
        while (reader.Read(buffer) > 0) { }
        return reader.RowsRead;
    }
}
