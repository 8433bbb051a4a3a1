/** RFM (recency, frequency, monetary) scores and segments from transactions. */
package dev.scoring.rfm;
