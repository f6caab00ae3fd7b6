import { describe, expect, it } from "vitest";
import { describeFeature, labelClusters } from "../../src/evaluate/labels.js";

describe("cluster labels", () => {
  it("uses the vocabulary of what a feature measures", () => {
    expect(describeFeature("recency_days", -0.9)).toBe("Recent");
    expect(describeFeature("recency_days", 0.9)).toBe("Lapsed");
    expect(describeFeature("frequency", 2.1)).toBe("Very frequent");
    expect(describeFeature("monetary", -0.6)).toBe("Low spend");
    expect(describeFeature("消费金额", 0.7)).toBe("High spend");
    expect(describeFeature("Fresh", 0.7)).toBe("High Fresh");
    expect(describeFeature("Fresh", -1.6)).toBe("Very low Fresh");
    // |z| < 0.5 is unremarkable.
    expect(describeFeature("monetary", 0.49)).toBeNull();
  });

  it("orders parts by strength, at most three, and says Average when nothing stands out", () => {
    const labels = labelClusters([
      { recency_days: -0.9, frequency: 1.2, monetary: 1.8, tenure_days: 0.6 },
      { recency_days: 0.1, frequency: -0.2, monetary: 0.3 },
    ]);
    expect(labels).toEqual(["Very high spend · Frequent · Recent", "Average"]);
  });

  it("keeps labels unique within a run", () => {
    const labels = labelClusters([
      { monetary: 1.0, frequency: 0.6, recency_days: 0.1 },
      { monetary: 1.0, frequency: 0.6, recency_days: 0.2 },
      { monetary: 0.9, frequency: 0.7, recency_days: -0.8 },
    ]);
    expect(new Set(labels).size).toBe(3);
    expect(labels).toEqual([
      "High spend · Frequent (1)",
      "High spend · Frequent (2)",
      "High spend · Recent · Frequent",
    ]);
  });
});
