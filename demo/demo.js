// The demo consult page behaves like a video-call page: getUserMedia, a self-view, stop on demand.
// Its loopback consult sends the camera over one RTCPeerConnection to a second one in the same page,
// whose incoming stream is shown as the remote patient's tile.
const video = document.getElementById('self-view');
const remoteView = document.getElementById('remote-view');
const remoteTile = document.getElementById('remote-tile');
const status = document.getElementById('page-status');
let stream = null;
let consult = null;

/**
 * ?camera=fixture:NAME plays the test picture /images/NAME.png as the camera, through a canvas stream (Firefox, unlike
 * Chromium, cannot play a .y4m file as a fake camera). It does not go through getUserMedia, so FaceReady sees it as a
 * page video until the consult (?loopback) sends it over WebRTC, where it is the remote participant's video.
 */
async function fixtureCamera(name) {
  const image = new Image();
  image.src = `/images/${encodeURIComponent(name)}.png`;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 480 });
  const context = canvas.getContext('2d');
  const scale = Math.min(canvas.width / image.width, canvas.height / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  // Redrawn at 10 fps: a canvas that does not change yields no new frames.
  const draw = () => {
    context.fillStyle = '#404040';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, (canvas.width - width) / 2, (canvas.height - height) / 2, width, height);
  };
  draw();
  const fixture = canvas.captureStream(10);
  const timer = setInterval(draw, 100);
  fixture.getVideoTracks()[0].addEventListener('ended', () => clearInterval(timer));
  return fixture;
}

async function start() {
  try {
    const camera = new URLSearchParams(location.search).get('camera') ?? '';
    if (camera.startsWith('fixture:')) {
      stream = await fixtureCamera(camera.slice('fixture:'.length));
      video.srcObject = stream;
      status.textContent = 'Camera on (test picture)';
      return;
    }
    // ?camera=absent asks for a camera no machine has (as when none is plugged in): getUserMedia fails.
    const absent = camera === 'absent';
    const constraints = absent ? { deviceId: { exact: 'no-such-camera' } } : { width: 640, height: 480 };
    stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
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

async function call() {
  if (consult) return;
  if (!stream) await start();
  if (!stream) return;
  const caller = new RTCPeerConnection();
  const callee = new RTCPeerConnection();
  consult = { caller, callee, remoteStream: null };
  caller.addEventListener('icecandidate', (e) => e.candidate && callee.addIceCandidate(e.candidate));
  callee.addEventListener('icecandidate', (e) => e.candidate && caller.addIceCandidate(e.candidate));
  callee.addEventListener('track', (e) => {
    consult.remoteStream = e.streams[0];
    remoteView.srcObject = e.streams[0];
    remoteTile.hidden = false;
  });
  for (const track of stream.getVideoTracks()) caller.addTrack(track, stream);
  await caller.setLocalDescription(await caller.createOffer());
  await callee.setRemoteDescription(caller.localDescription);
  await callee.setLocalDescription(await callee.createAnswer());
  await caller.setRemoteDescription(callee.localDescription);
  status.textContent = 'In consult';
}

function hangUp() {
  if (!consult) return;
  consult.caller.close();
  consult.callee.close();
  remoteView.srcObject = null;
  remoteTile.hidden = true;
  consult = null;
  status.textContent = stream ? 'Camera on' : 'Camera off';
}

document.getElementById('start').addEventListener('click', start);
document.getElementById('stop').addEventListener('click', stop);
document.getElementById('call').addEventListener('click', call);
document.getElementById('hang-up').addEventListener('click', hangUp);
window.demo = { start, stop, call, hangUp, get stream() { return stream; }, get consult() { return consult; } };
const query = new URLSearchParams(location.search);
if (query.has('loopback')) call();
else if (query.has('autostart')) start();
