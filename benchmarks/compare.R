# R's cancor on the cases of benchmarks/compare.sh; writes "case,seconds" (medians) to the file named by the first
# argument. The data: the bundled synthetic 55 x (8 + 11) panel, and seeded normal data with two shared factors for the
# large fit (the same recipe as BenchmarkData.Related; timings do not depend on the values).
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
large_rows <- as.integer(if (length(args) > 1) args[2] else 1000000)
panel <- read.csv("data/synthetic/synthetic-paper-shaped-panel.csv")
x <- as.matrix(panel[, paste0("X", 1:8)])
y <- as.matrix(panel[, paste0("Y", 1:11)])
median_time <- function(f, times) median(replicate(times, system.time(f())[["elapsed"]]))
results <- list()
# One fit: 1,000 fits per timing, 9 timings.
results$FitOnly <- median_time(function() for (i in 1:1000) cancor(x, y), 9) / 1000
# 10,000 permutations of the Y rows, first canonical correlation of each (3 timings).
set.seed(2026)
results$Permutations10000 <- median_time(function() for (b in 1:10000) cancor(x, y[sample(nrow(y)), ])$cor[1], 3)
# One fit on large_rows x (50 + 50) (one timing: about half a minute per million rows).
set.seed(77)
f1 <- rnorm(large_rows); f2 <- rnorm(large_rows)
bx <- matrix(rnorm(large_rows * 50), large_rows) + 10
by <- matrix(rnorm(large_rows * 50), large_rows) - 5
for (j in 1:50) { bx[, j] <- bx[, j] + if (j %% 2 == 1) 0.8 * f1 else 0.5 * f2; by[, j] <- by[, j] + if (j %% 2 == 1) 0.7 * f2 else 0.6 * f1 }
results$FitLarge <- median_time(function() cancor(bx, by), 1)
write.csv(data.frame(case = names(results), seconds = unlist(results)), out, row.names = FALSE, quote = FALSE)
