/** Debian's python3-skimage sample images (public domain / CC0): the project's test and demo pictures (provenance: test/fixtures/fixtures.ts). */
export const SKIMAGE_DATA = '/usr/lib/python3/dist-packages/skimage/data';
