// GENERATED from notebooks/00-overview.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/00-overview.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "00-overview")) return;
Heading("# 00 · Overview: what the paper asks and how these notebooks answer it");
Heading("## The paper in a few sentences");
Heading("## Map of the notebooks");
Heading("## How to run the notebooks");
Heading("## The setup cell");

// cell 6
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it

// cell 8
display(RuralEcom.LibraryInfo.Version);

// cell 10
var design = new RuralEcom.Table("The paper's study design", ["Item", "Value"],
[
    ["E-commerce indicators (X)", 8],
    ["Urban-rural integration indicators (Y)", 11],
    ["Samples (n)", 55],
    ["Years", "2014-2021"],
    ["Largest possible number of canonical pairs", Math.Min(8, 11)],
], note: "Source: Qiu, Liu, Zhou, Wang, section 3.1 and Tables 1-2.");
display(design);
Heading("## Try it yourself");
