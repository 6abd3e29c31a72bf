export default defineBackground(() => {
  console.log('FaceReady background');
});
