import type { HaarCascade, HaarFeature, HaarStage, HaarWeakClassifier } from './haar-types';

/** OpenCV subtracts this from every stage threshold when it loads a cascade (cascadedetect.cpp). */
const THRESHOLD_EPS = Math.fround(1e-5);

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A minimal XML reader for OpenCV FileStorage files: elements, attributes, text; comments and prolog skipped. */
function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const top = stack[stack.length - 1];
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`Cascade XML: </${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attributes: Record<string, string> = {};
      for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[a[1]] = a[2];
      const element: XmlElement = { name: m[2], attributes, children: [], text: '' };
      top.children.push(element);
      if (!m[4]) stack.push(element);
    } else if (m[5]) {
      top.text += m[5];
    }
  }
  if (stack.length !== 1) throw new Error(`Cascade XML: <${stack[stack.length - 1].name}> is not closed`);
  return root;
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`Cascade XML: <${element.name}> has no <${name}>`);
  return found;
}

function numbers(element: XmlElement): number[] {
  const text = element.text.trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/**
 * Parses an OpenCV Haar cascade in the "opencv-cascade-classifier" layout (the one every
 * haarcascade_*.xml of OpenCV ≥ 3 uses) into plain data, with OpenCV's float32 rounding of all
 * thresholds, leaves and weights and its THRESHOLD_EPS applied to the stage thresholds.
 */
export function parseHaarCascade(xml: string): HaarCascade {
  const storage = child(parseXml(xml), 'opencv_storage');
  const cascade = storage.children[0];
  if (!cascade) throw new Error('Cascade XML: empty <opencv_storage>');
  const typeId = cascade.attributes.type_id;
  if (typeId === 'opencv-haar-classifier') {
    throw new Error('Cascade XML: the pre-2.4 "opencv-haar-classifier" layout is not supported; convert it with OpenCV first');
  }
  if (typeId !== 'opencv-cascade-classifier') throw new Error(`Cascade XML: unknown type_id "${typeId}"`);
  if (child(cascade, 'stageType').text.trim() !== 'BOOST') throw new Error('Cascade XML: stageType is not BOOST');
  if (child(cascade, 'featureType').text.trim() !== 'HAAR') throw new Error('Cascade XML: featureType is not HAAR');
  const maxCatCount = Number(child(child(cascade, 'featureParams'), 'maxCatCount').text);
  if (maxCatCount !== 0) throw new Error('Cascade XML: categorical (LBP-style) nodes are not Haar');

  const stages: HaarStage[] = child(cascade, 'stages').children.map((stageNode) => ({
    threshold: Math.fround(Math.fround(Number(child(stageNode, 'stageThreshold').text)) - THRESHOLD_EPS),
    weakClassifiers: child(stageNode, 'weakClassifiers').children.map(parseWeakClassifier),
  }));
  const features: HaarFeature[] = child(cascade, 'features').children.map((featureNode) => ({
    rects: child(featureNode, 'rects').children.map((r) => {
      const [x, y, width, height, weight] = numbers(r);
      return { x, y, width, height, weight: Math.fround(weight) };
    }),
    tilted: featureNode.children.some((c) => c.name === 'tilted') && Number(child(featureNode, 'tilted').text) !== 0,
  }));
  return {
    windowWidth: Number(child(cascade, 'width').text),
    windowHeight: Number(child(cascade, 'height').text),
    stages,
    features,
    hasTiltedFeatures: features.some((f) => f.tilted),
  };
}

function parseWeakClassifier(weakNode: XmlElement): HaarWeakClassifier {
  const internal = numbers(child(weakNode, 'internalNodes'));
  if (internal.length % 4 !== 0) throw new Error('Cascade XML: internalNodes is not a list of (left right feature threshold)');
  const nodes = [];
  for (let i = 0; i < internal.length; i += 4) {
    nodes.push({ left: internal[i], right: internal[i + 1], featureIndex: internal[i + 2], threshold: Math.fround(internal[i + 3]) });
  }
  const leaves = numbers(child(weakNode, 'leafValues')).map(Math.fround);
  if (leaves.length !== nodes.length + 1) throw new Error('Cascade XML: a tree needs one more leaf than nodes');
  return { nodes, leaves };
}
