/** A Haar feature rectangle in cascade-window coordinates, with its weight (OpenCV `rects`). */
export interface HaarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** float32, as OpenCV reads it. */
  weight: number;
}

export interface HaarFeature {
  /** Two or three weighted rectangles (OpenCV's RECT_NUM = 3). */
  rects: HaarRect[];
  /** Rectangles rotated by 45° (Lienhart), summed over the tilted integral image. */
  tilted: boolean;
}

/** One decision-tree node: `featureValue < threshold` goes left. A child ≤ 0 is leaf index `-child`. */
export interface HaarTreeNode {
  left: number;
  right: number;
  featureIndex: number;
  /** float32. */
  threshold: number;
}

export interface HaarWeakClassifier {
  nodes: HaarTreeNode[];
  /** float32, nodes.length + 1 of them. */
  leaves: number[];
}

export interface HaarStage {
  /** float32 stage threshold minus OpenCV's THRESHOLD_EPS (1e-5f), exactly as OpenCV keeps it. */
  threshold: number;
  weakClassifiers: HaarWeakClassifier[];
}

/** A boosted Haar cascade in OpenCV's "opencv-cascade-classifier" layout, as plain data. */
export interface HaarCascade {
  windowWidth: number;
  windowHeight: number;
  stages: HaarStage[];
  features: HaarFeature[];
  /** True when some feature is tilted, i.e. the tilted integral image is needed. */
  hasTiltedFeatures: boolean;
}

/** Integer rectangle in image pixels (OpenCV cv::Rect). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}
