// Shared notebook setup, loaded by the first cell of every notebook with  #load "setup.csx".
// It teaches the notebook kernel how to show the library's result types:
// a Table as an HTML table, a Figure as a PNG image (so it shows on a web page without a network).
#r "../bin/Release/net10.0/RuralEcom.dll"
using Microsoft.DotNet.Interactive.Formatting;
Formatter.Register<RuralEcom.Table>((t, w) => w.Write(t.ToHtml()), "text/html");
Formatter.Register<RuralEcom.Plots.Figure>((f, w) => w.Write(f.ToBase64()), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(RuralEcom.Plots.Figure), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(RuralEcom.Table), "text/html");
