#!/usr/bin/python3
"""Reference outputs of OpenCV's own CascadeClassifier (Debian python3-opencv) for the Haar evaluator's
parity test. Writes test/unit/eyes/fixtures/opencv-haar-reference.json: raw (ungrouped) and grouped
detections, plus md5s of gray conversion and INTER_LINEAR_EXACT resizes, on skimage's public-domain
images. Run with Debian's interpreter:  /usr/bin/python3 scripts/eyes-opencv-reference.py"""
import hashlib
import json
import cv2

SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data/'
# haarcascade_eye ships (public/); the other cascades are for parity only (dev-assets/, scripts/assets/manifest.ts).
CASCADES = {name: ('public' if name == 'haarcascade_eye' else 'dev-assets') + '/models/vendor/opencv/' for name in ('haarcascade_eye', 'haarcascade_eye_tree_eyeglasses', 'haarcascade_lefteye_2splits')}
OUT = 'test/unit/eyes/fixtures/opencv-haar-reference.json'

images = {
    'astronaut': cv2.imread(SKIMAGE + 'astronaut.png', cv2.IMREAD_COLOR),
    'coffee': cv2.imread(SKIMAGE + 'coffee.png', cv2.IMREAD_COLOR),
}
gray = {k: cv2.cvtColor(v, cv2.COLOR_BGR2GRAY) for k, v in images.items()}
gray['astronaut-eyes'] = gray['astronaut'][50:140, 150:300].copy()

md5 = lambda a: hashlib.md5(a.tobytes()).hexdigest()
out = {'opencv': cv2.__version__, 'gray': {}, 'resize': [], 'detections': []}
for name, g in gray.items():
    out['gray'][name] = {'width': int(g.shape[1]), 'height': int(g.shape[0]), 'md5': md5(g)}
for name, size in [('astronaut', (465, 465)), ('astronaut', (353, 301)), ('astronaut-eyes', (64, 64)), ('astronaut-eyes', (300, 181))]:
    r = cv2.resize(gray[name], size, interpolation=cv2.INTER_LINEAR_EXACT)
    out['resize'].append({'image': name, 'width': size[0], 'height': size[1], 'md5': md5(r)})
cases = [
    ('haarcascade_eye', 'astronaut', 1.1, 0), ('haarcascade_eye', 'astronaut', 1.1, 3),
    ('haarcascade_eye', 'astronaut-eyes', 1.05, 0), ('haarcascade_eye', 'astronaut-eyes', 1.05, 2),
    ('haarcascade_eye', 'coffee', 1.2, 0),
    ('haarcascade_eye_tree_eyeglasses', 'astronaut-eyes', 1.1, 0), ('haarcascade_eye_tree_eyeglasses', 'astronaut', 1.2, 3),
    ('haarcascade_lefteye_2splits', 'astronaut-eyes', 1.1, 0),
]
for cascade_name, image, scale_factor, min_neighbors in cases:
    cc = cv2.CascadeClassifier(CASCADES[cascade_name] + cascade_name + '.xml')
    rects = cc.detectMultiScale(gray[image], scaleFactor=scale_factor, minNeighbors=min_neighbors)
    rects = sorted([list(map(int, r)) for r in rects])
    out['detections'].append({'cascade': cascade_name, 'image': image, 'scaleFactor': scale_factor, 'minNeighbors': min_neighbors, 'rects': rects})
    print(cascade_name, image, scale_factor, min_neighbors, len(rects))
json.dump(out, open(OUT, 'w'), indent=1)
