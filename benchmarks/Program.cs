using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RuralEcom.Benchmarks.BenchmarkConfig).Assembly).Run(args, new RuralEcom.Benchmarks.BenchmarkConfig());
