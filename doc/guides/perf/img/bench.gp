# SPDX-License-Identifier: BSD-3-Clause
# The performance page's chart: gnuplot -c bench.gp (in this directory)
# writes bench.svg from bench-latest.csv, the "Latest results" table.
set terminal svg size 1400,560 noenhanced font "sans,11"
set output "bench.svg"
set datafile separator ","
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set yrange [0:2]
set ylabel "Mops relative to the fastest anchor of the cell"
set xtics rotate by -45 scale 0
set grid ytics
set key top right
set title "dpdk-test-crypto-perf throughput, burst 32, one worker lcore (devtools/bench.sh, 2026-11-24)"
plot "bench-latest.csv" using 2:xtic(1) title "qatsec", \
     "" using 3 title "crypto_aesni_mb", \
     "" using 4 title "ipsec-mb ceiling", \
     1 with lines lw 2 lc rgb "black" title "fastest anchor"
