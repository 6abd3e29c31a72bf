/** The head pose is a quality measure now (src/model/measures/head-pose.ts); the workflow reads it from there. */
export { HEAD_POSE_CONFIG, HEAD_POSE_LANDMARKS, headPose, type HeadPose } from '../model/measures/head-pose';
