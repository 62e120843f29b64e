/**
 * The program generator: charts, tables, receipts, documents and shape scenes rendered with Java2D
 * with known ground truth, templated questions, and chains solved by executing OCR, Crop, ZoomIn,
 * Calculate and SolveMathEquation for real (TACO's model-free, program-generated CoTA data).
 */
package dev.cota.synth.program;
