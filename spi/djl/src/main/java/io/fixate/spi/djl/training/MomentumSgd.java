package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with Nesterov momentum 0.9 and L2 weight decay, the reference's optimizer: g = ∇ + λ·w, v ← 0.9·v + g,
 * w ← w − lr·(g + 0.9·v) (PyTorch's formulation). Written here rather than taken from DJL because a checkpoint must
 * hold the momentum buffers, which DJL's {@code Sgd} keeps private: without them a resumed run would not follow the
 * uninterrupted one.
 */
public final class MomentumSgd extends Optimizer {

    /** The momentum coefficient. */
    public static final float MOMENTUM = 0.9f;

    private float learningRate;
    /** Momentum buffers by parameter id, on the manager of their parameter. */
    private final Map<String, NDArray> velocities = new HashMap<>();

    /** SGD with the given step size and L2 weight decay λ. */
    public MomentumSgd(float learningRate, float weightDecay) {
        super(new Builder().optWeightDecays(weightDecay));
        this.learningRate = learningRate;
    }

    /** Sets the step size of the updates from now on (a schedule changes it between epochs). */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray velocity = velocities.computeIfAbsent(parameterId, id -> weight.zerosLike());
        try (NDManager scratch = weight.getManager().newSubManager()) {
            NDArray gradient = temporary(scratch, grad.mul(rescaleGrad));
            gradient.addi(temporary(scratch, weight.mul(getWeightDecay())));
            velocity.muli(MOMENTUM).addi(gradient);
            NDArray step = temporary(scratch, velocity.mul(MOMENTUM)).addi(gradient);
            weight.subi(step.muli(learningRate));
        }
    }

    /**
     * The momentum buffers of {@code parameters} in their order; zeros, owned by {@code manager}, for those not updated
     * yet (such as batch-norm running statistics).
     */
    public NDList velocities(List<Pair<String, Parameter>> parameters, NDManager manager) {
        NDList result = new NDList();
        for (Pair<String, Parameter> parameter : parameters) {
            NDArray velocity = velocities.get(parameter.getValue().getId());
            result.add(velocity != null ? velocity : manager.zeros(parameter.getValue().getArray().getShape()));
        }
        return result;
    }

    /** Replaces the momentum buffers of {@code parameters} by {@code saved}, given in the same order. */
    public void restore(List<Pair<String, Parameter>> parameters, NDList saved) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getValue().getArray();
            NDArray velocity = saved.get(i);
            velocity.attach(weight.getManager());
            velocities.put(parameters.get(i).getValue().getId(), velocity);
        }
    }

    private static NDArray temporary(NDManager scratch, NDArray array) {
        array.attach(scratch);
        return array;
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
