// The demo consult page behaves like a video-call page: getUserMedia, a self-view, stop on demand.
const video = document.getElementById('self-view');
const status = document.getElementById('page-status');
let stream = null;

async function start() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    video.srcObject = stream;
    status.textContent = 'Camera on';
  } catch (error) {
    status.textContent = `Camera error: ${error.message}`;
  }
}

function stop() {
  stream?.getTracks().forEach((track) => track.stop());
  video.srcObject = null;
  stream = null;
  status.textContent = 'Camera off';
}

document.getElementById('start').addEventListener('click', start);
document.getElementById('stop').addEventListener('click', stop);
window.demo = { start, stop, get stream() { return stream; } };
if (new URLSearchParams(location.search).has('autostart')) start();
