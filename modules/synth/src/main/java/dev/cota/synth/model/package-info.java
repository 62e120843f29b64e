/**
 * TACO's model-generated CoTA data (Ma et al., 2024, arXiv:2412.05479), with any model: the CoTA
 * runner over image-QA pairs of any dataset cota reads, each chain labelled CoTA/CoT-pos/neg by
 * answer correctness, failed chains turned into direct answers.
 */
package dev.cota.synth.model;
